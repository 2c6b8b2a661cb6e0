// Adversarial inputs for the "bounded time" checks (issue 17, class 11): built in memory, never committed.
import { createHash } from 'node:crypto';
import { deflateSync } from 'fflate';
import { buildAuthnRequest, buildLogoutRequest, buildLogoutResponse, buildResponse, encodePostValue, encodeRedirectQuery } from '../../lib/samlgen';

const AT = '2026-01-15T10:00:00Z';
const SP = 'https://sp.bench.test/metadata';
const ACS = 'https://sp.bench.test/acs';
const IDP = 'https://idp.bench.test/metadata';

export interface HarRequest {
  method: string;
  url: string;
  headers?: Array<{ name: string; value: string }>;
  postText?: string;
  mimeType?: string;
}

function harEntry(i: number, r: HarRequest) {
  return {
    startedDateTime: new Date(Date.parse(AT) + i * 10).toISOString(),
    time: 1,
    request: {
      method: r.method,
      url: r.url,
      httpVersion: 'HTTP/1.1',
      headers: r.headers ?? [{ name: 'User-Agent', value: 'bench' }],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: r.postText?.length ?? 0,
      ...(r.postText !== undefined ? { postData: { mimeType: r.mimeType ?? 'application/x-www-form-urlencoded', text: r.postText } } : {}),
    },
    response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 0, mimeType: 'text/html' }, redirectURL: '', headersSize: -1, bodySize: -1 },
    cache: {},
    timings: { send: 0, wait: 1, receive: 0 },
  };
}

/** An HTTP-Redirect query carrying `xml` deflated (fflate: the same bytes on every Node version). */
export function redirectQuery(xml: string, param: 'SAMLRequest' | 'SAMLResponse' = 'SAMLResponse'): string {
  return `${param}=${encodeURIComponent(Buffer.from(deflateSync(Buffer.from(xml), { level: 9 })).toString('base64'))}`;
}

export function har(requests: HarRequest[]): string {
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'bench', version: '1' }, entries: requests.map((r, i) => harEntry(i, r)) } });
}

const post = (field: string, xml: string, extra = ''): HarRequest => ({
  method: 'POST',
  url: ACS,
  postText: `${field}=${encodeURIComponent(encodePostValue(xml))}${extra}`,
});

/**
 * `n` messages in SP-initiated pairs (an AuthnRequest over HTTP-Redirect and the Response that answers it),
 * with every tenth pair a logout exchange instead: each message has its own ID, each answer its InResponseTo.
 */
export function manyMessagesHar(n: number): string {
  const requests: HarRequest[] = [];
  for (let i = 0; requests.length < n; i++) {
    const req = `_req-${i}`;
    if (i % 10 === 9) {
      const lr = buildLogoutRequest({ id: req, issueInstant: AT, issuer: SP, destination: 'https://idp.bench.test/slo' });
      requests.push({ method: 'GET', url: `https://idp.bench.test/slo?${encodeRedirectQuery(lr, { param: 'SAMLRequest' })}` });
      const resp = buildLogoutResponse({ id: `_resp-${i}`, inResponseTo: req, issueInstant: AT, issuer: IDP, destination: 'https://sp.bench.test/slo' });
      requests.push({ method: 'GET', url: `https://sp.bench.test/slo?${encodeRedirectQuery(resp, { param: 'SAMLResponse' })}` });
      continue;
    }
    const authn = buildAuthnRequest({ id: req, issueInstant: AT, acsUrl: ACS, issuer: SP, destination: 'https://idp.bench.test/sso' });
    requests.push({ method: 'GET', url: `https://idp.bench.test/sso?${encodeRedirectQuery(authn, { param: 'SAMLRequest', relayState: `r${i}` })}` });
    const response = buildResponse({
      id: `_resp-${i}`,
      assertionId: `_assert-${i}`,
      inResponseTo: req,
      issueInstant: AT,
      destination: ACS,
      issuer: IDP,
      audiences: [SP],
      nameId: { value: `user${i}@bench.test` },
    });
    requests.push(post('SAMLResponse', response, `&RelayState=r${i}`));
  }
  return har(requests.slice(0, n));
}

/** A Response with `count` attributes of `valuesEach` values each. */
export function responseWithAttributes(count: number, valuesEach: number, valueLength = 24): string {
  return buildResponse({
    issueInstant: AT,
    destination: ACS,
    issuer: IDP,
    audiences: [SP],
    attributes: Array.from({ length: count }, (_, i) => ({
      name: `attribute-${i}`,
      values: Array.from({ length: valuesEach }, (_, j) => `v${i}-${j}-`.padEnd(valueLength, 'abcdef0123456789')),
    })),
  });
}

/** A form body of about `bytes` characters whose SAMLResponse is a Response with one huge attribute value. */
export function hugeSamlResponseBody(bytes: number): string {
  const base = responseWithAttributes(1, 1, 10);
  const room = Math.floor((bytes * 3) / 4) - base.length;
  const xml = base.replace('v0-0-abcde', 'x'.repeat(Math.max(10, room)));
  return `SAMLResponse=${encodeURIComponent(encodePostValue(xml))}&RelayState=bench`;
}

/** A small SAMLResponse next to a huge form field nobody looks at (a __VIEWSTATE, say). */
export function hugeOtherFieldBody(bytes: number): string {
  const small = encodeURIComponent(encodePostValue(responseWithAttributes(2, 1)));
  return `__VIEWSTATE=${'A'.repeat(bytes)}&SAMLResponse=${small}&RelayState=bench`;
}

/** A raw (SOAP) body of about `bytes` characters that mentions the SAML protocol namespace. */
export function hugeRawBody(bytes: number): string {
  const xml = responseWithAttributes(1, 1, 10);
  const room = Math.max(10, bytes - xml.length - 200);
  return `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${xml.replace('v0-0-abcde', 'y'.repeat(room))}</soap:Body></soap:Envelope>`;
}

export function postHar(body: string, mimeType = 'application/x-www-form-urlencoded'): string {
  return har([{ method: 'POST', url: ACS, postText: body, mimeType }]);
}

const responseAt = (extra: Partial<Parameters<typeof buildResponse>[0]> = {}) =>
  buildResponse({ issueInstant: AT, destination: ACS, issuer: IDP, audiences: [SP], ...extra });

/** A Redirect URL whose query carries `n` junk parameters besides the SAMLRequest. */
export function longQueryHar(n: number): string {
  const authn = buildAuthnRequest({ id: '_q', issueInstant: AT, acsUrl: ACS, issuer: SP, destination: 'https://idp.bench.test/sso' });
  const junk = Array.from({ length: n }, (_, i) => `p${i}=v${i}`).join('&');
  return har([{ method: 'GET', url: `https://idp.bench.test/sso?${encodeRedirectQuery(authn, { param: 'SAMLRequest', relayState: 'r' })}&${junk}` }]);
}

/** One request with `n` headers (and a cookie header of `n` cookies). */
export function manyHeadersHar(n: number): string {
  const headers = Array.from({ length: n }, (_, i) => ({ name: `X-H${i}`, value: `v${i}` }));
  headers.push({ name: 'Cookie', value: Array.from({ length: n }, (_, i) => `c${i}=${i}`).join('; ') });
  return har([{ ...post('SAMLResponse', responseAt()), headers }]);
}

/** One POST with `n` form fields, one of them the SAMLResponse. */
export function manyFieldsHar(n: number): string {
  const junk = Array.from({ length: n }, (_, i) => `f${i}=${i}`).join('&');
  return har([{ ...post('SAMLResponse', responseAt()), postText: `${junk}&SAMLResponse=${encodeURIComponent(encodePostValue(responseAt()))}` }]);
}

/** One POST carrying `n` SAMLResponse fields (n messages in one entry), each with its own ID. */
export function manyMessagesOneEntryHar(n: number): string {
  const fields = Array.from({ length: n }, (_, i) => `SAMLResponse=${encodeURIComponent(encodePostValue(responseAt({ id: `_r${i}`, assertionId: `_a${i}` })))}`);
  return har([{ method: 'POST', url: ACS, postText: fields.join('&') }]);
}

/** A Response whose Issuer is `n` characters long. */
export function hugeIssuerHar(n: number): string {
  return har([post('SAMLResponse', responseAt({ issuer: `https://idp.bench.test/${'i'.repeat(n)}` }))]);
}

/** A Response with `n` assertions (one in the expected place, the others beside it). */
export function manyAssertionsHar(n: number): string {
  const one = responseAt();
  const assertion = one.slice(one.indexOf('<saml:Assertion'), one.indexOf('</saml:Assertion>') + '</saml:Assertion>'.length);
  const more = Array.from({ length: n - 1 }, (_, i) => assertion.replace(/ID="[^"]+"/, `ID="_extra${i}"`)).join('');
  return har([post('SAMLResponse', one.replace('</samlp:Response>', `${more}</samlp:Response>`))]);
}

/** A signed Response (`xml`, signed with the IdP key) with its signature repeated `n` times, or its Reference. */
export function manySignaturesHar(signedXml: string, n: number, what: 'Signature' | 'Reference'): string {
  const element = what === 'Signature' ? /<ds:Signature[\s>][\s\S]*?<\/ds:Signature>/ : /<ds:Reference[\s>][\s\S]*?<\/ds:Reference>/;
  const found = element.exec(signedXml)![0];
  return har([post('SAMLResponse', signedXml.replace(found, found.repeat(n)))]);
}

/** Elements nested `n` deep inside an Attribute value. */
export function deepNestingHar(n: number): string {
  const xml = responseWithAttributes(1, 1, 10).replace('v0-0-abcde', `${'<x>'.repeat(n)}deep${'</x>'.repeat(n)}`);
  return har([post('SAMLResponse', xml)]);
}

/** `n` Responses that answer no captured request (each one's InResponseTo names a request never seen). */
export function unansweredHar(n: number): string {
  const requests: HarRequest[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      const authn = buildAuthnRequest({ id: `_asked-${i}`, issueInstant: AT, acsUrl: ACS, issuer: SP, destination: 'https://idp.bench.test/sso' });
      requests.push({ method: 'GET', url: `https://idp.bench.test/sso?${encodeRedirectQuery(authn, { param: 'SAMLRequest', relayState: 'same' })}` });
    } else {
      requests.push(post('SAMLResponse', responseAt({ id: `_r${i}`, inResponseTo: `_never-${i}`, issuer: `https://idp${i}.bench.test/` })));
    }
  }
  return har(requests);
}

/** `n` HTTP-Artifact messages (SAMLart), each with the same RelayState as an AuthnRequest before it. */
export function artifactsHar(n: number): string {
  const requests: HarRequest[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      const authn = buildAuthnRequest({ id: `_art-${i}`, issueInstant: AT, acsUrl: ACS, issuer: `https://sp${i}.bench.test/`, destination: 'https://idp.bench.test/sso' });
      requests.push({ method: 'GET', url: `https://idp.bench.test/sso?${encodeRedirectQuery(authn, { param: 'SAMLRequest', relayState: 'same' })}` });
    } else {
      requests.push({ method: 'GET', url: `${ACS}?SAMLart=${encodeURIComponent(artifact(`https://nobody.bench.test/${i}`, i))}&RelayState=same` });
    }
  }
  return har(requests);
}

/** A type 0x0004 artifact whose SourceID is the SHA-1 of `entityId`, with a fixed message handle. */
function artifact(entityId: string, i: number): string {
  const handle = Buffer.alloc(20);
  handle.writeUInt32BE(i);
  return Buffer.concat([Buffer.from([0, 4, 0, 0]), createHash('sha1').update(entityId).digest(), handle]).toString('base64');
}

/**
 * A signed Response (`signedXml`) declaring `n` namespace prefixes on its root, its transforms naming them
 * all in an InclusiveNamespaces PrefixList, or its transforms switched to inclusive C14N 1.0.
 */
export function namespacesHar(signedXml: string, n: number, c14n: 'exclusive' | 'inclusive'): string {
  const decls = Array.from({ length: n }, (_, i) => ` xmlns:p${i}="urn:p${i}"`).join('');
  const list = Array.from({ length: n }, (_, i) => `p${i}`).join(' ');
  const EXC = 'http://www.w3.org/2001/10/xml-exc-c14n#';
  let xml = signedXml.replace('<samlp:Response ', `<samlp:Response${decls} `);
  xml =
    c14n === 'inclusive'
      ? xml.replaceAll(EXC, 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315')
      : xml.replaceAll(`<ds:Transform Algorithm="${EXC}"/>`, `<ds:Transform Algorithm="${EXC}"><ec:InclusiveNamespaces xmlns:ec="${EXC}" PrefixList="${list}"/></ds:Transform>`);
  return har([post('SAMLResponse', xml)]);
}

/**
 * A signed Response (`signedXml`) whose root declares and uses `n` prefixes, followed by `n` elements that
 * each bind one of them again to another URI: every binding is redeclared below a scope of `n` bindings, the
 * canonicaliser's worst case (a scan or copy of the scope per declaration is quadratic).
 */
export function namespaceRedeclarationsHar(signedXml: string, n: number, c14n: 'exclusive' | 'inclusive'): string {
  const decls = Array.from({ length: n }, (_, i) => ` xmlns:p${i}="urn:p${i}" p${i}:a="1"`).join('');
  const again = Array.from({ length: n }, (_, i) => `<p${i}:e xmlns:p${i}="urn:q${i}"/>`).join('');
  let xml = signedXml.replace('<samlp:Response ', `<samlp:Response${decls} `).replace('</samlp:Response>', `${again}</samlp:Response>`);
  if (c14n === 'inclusive') xml = xml.replaceAll('http://www.w3.org/2001/10/xml-exc-c14n#', 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315');
  return har([post('SAMLResponse', xml)]);
}

/** A Redirect URL whose AuthnRequest parameter is repeated `n` times under another case (`samlrequest`). */
export function recasedParamsHar(n: number): string {
  const authn = buildAuthnRequest({ id: '_q', issueInstant: AT, acsUrl: ACS, issuer: SP, destination: 'https://idp.bench.test/sso' });
  const query = encodeRedirectQuery(authn, { param: 'SAMLRequest', relayState: 'r' });
  const value = query.slice(query.indexOf('=') + 1, query.indexOf('&'));
  const again = Array.from({ length: n }, () => `samlrequest=${value}`).join('&');
  return har([{ method: 'GET', url: `https://idp.bench.test/sso?${query}&${again}` }]);
}

/** A Redirect URL whose path, one parameter and RelayState are runs of `n` letter-digit pairs (the e-mail pattern's worst case). */
export function longUrlHar(n: number): string {
  return har([{ method: 'GET', url: `https://sp.bench.test/${'a1'.repeat(n)}?x=${'b2'.repeat(n)}&RelayState=${'c3'.repeat(n)}&SAMLart=AAQAAA` }]);
}

/** One request whose Referer and Authorization headers are `n` units long (an `@` in every unit of the Referer). */
export function longHeadersHar(n: number): string {
  const headers = [
    { name: 'Referer', value: `https://x.bench.test/${'d4@'.repeat(n)}` },
    { name: 'Authorization', value: `Bearer ${'e5'.repeat(n)}` },
  ];
  return har([{ ...post('SAMLResponse', responseAt()), headers }]);
}

/** A RelayState of `n` e-mail addresses, each redacted (pseudonymised under `share`) on its own. */
export function emailsInRelayStateHar(n: number): string {
  const relay = encodeURIComponent(Array.from({ length: n }, (_, i) => `user${i}@host${i}.bench.test`).join(' '));
  return har([post('SAMLResponse', responseAt(), `&RelayState=${relay}`)]);
}
