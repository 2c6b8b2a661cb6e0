import { authnRequestUrl, BENCH_SP, signedResponse } from './messages';

/** A HAR of about `megabytes` MB: ordinary page traffic with one SP-initiated SAML flow in the middle. */
export function bigHar(megabytes: number, issueInstant: string): string {
  const filler = 'x'.repeat(2000);
  const entry = (i: number, method: string, url: string, postText?: string) => ({
    startedDateTime: new Date(Date.parse(issueInstant) + i).toISOString(),
    time: 12,
    request: {
      method,
      url,
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'User-Agent', value: 'Mozilla/5.0 bench' },
        { name: 'Cookie', value: `session=${i}` },
      ],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: postText?.length ?? 0,
      ...(postText ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: postText } } : {}),
    },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: 'text/html' }],
      cookies: [],
      content: { size: filler.length, mimeType: 'text/html', text: filler },
      redirectURL: '',
      headersSize: -1,
      bodySize: filler.length,
    },
    cache: {},
    timings: { send: 1, wait: 10, receive: 1 },
  });
  const count = Math.round((megabytes * 1024 * 1024) / 2600);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (i === count >> 1) {
      entries.push(entry(i, 'GET', authnRequestUrl(issueInstant)));
      const { base64 } = signedResponse('typical', issueInstant);
      entries.push(entry(i, 'POST', BENCH_SP.acs, `SAMLResponse=${encodeURIComponent(base64)}&RelayState=bench`));
    }
    entries.push(entry(i, 'GET', `https://app.bench.test/assets/${i}.js?v=${i}`));
  }
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'bench', version: '1' }, entries } });
}
