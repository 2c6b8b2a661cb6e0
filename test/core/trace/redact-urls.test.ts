// Issue 17, classes 6 and 10: credentials inside URLs (wherever a URL travels, however often encoded),
// credential headers by name, SessionIndex and e-mail addresses, in every export format and report.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import type { TraceEntry } from '../../../lib/core/model';
import { exportEntries, redact, reportHtml, reportMarkdown, type ExportFormat } from '../../../lib/core/trace';
import { buildLogoutRequest, buildResponse, encodePostValue, encodeRedirectQuery, NAMEID, STATUS } from '../../../lib/samlgen';
import { decodedXml, leaks } from './leaks';

const FORMATS: ExportFormat[] = ['trace', 'har', 'saml-tracer'];
const NOW = () => new Date('2026-01-15T12:00:00Z');
const SP = 'https://sp.example.test';
const IDP = 'https://idp.example.test';

function jwt(sub: string): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ sub, iat: 1768471200 })}.${Buffer.from(`sig-${sub}`).toString('base64url')}`;
}

function acs(id: string, fields: Array<[string, string]>, over: Partial<TraceEntry> = {}): TraceEntry {
  return { id, source: 'webrequest', method: 'POST', url: `${SP}/acs`, requestHeaders: [], responseHeaders: [], formFields: fields, ...over };
}

function response(over: Parameters<typeof buildResponse>[0] = {}): string {
  return encodePostValue(buildResponse({ destination: `${SP}/acs`, issuer: `${IDP}/metadata`, nameId: { value: 'alice@contoso.example', format: NAMEID.email }, ...over }));
}

const T = {
  token: 'tok9f8e7d6c5b4a3210',
  code: 'AuthCode-77aa88bb99',
  access: 'acc3ss-T0ken-XYZ123',
  idToken: jwt('id-token'),
  refresh: 'rfr-5e4d3c2b1a0f',
  secret: 'cs-0a9b8c7d6e5f',
};

describe('credentials inside RelayState, in every format and profile', () => {
  const relay = `https://app.example.test/after?token=${T.token}&code=${T.code}&access_token=${T.access}&lang=en#id_token=${T.idToken}&refresh_token=${T.refresh}`;
  const entries = (): TraceEntry[] => [
    // POST binding: RelayState is a form field.
    acs('post', [['SAMLResponse', response()], ['RelayState', relay]]),
    // Redirect binding: RelayState is percent-encoded in the query; an SP encoded it once more itself.
    {
      id: 'redirect',
      source: 'webrequest',
      method: 'GET',
      url: `${IDP}/sso?${encodeRedirectQuery(buildLogoutRequest({ destination: `${IDP}/sso` }), { param: 'SAMLRequest', relayState: encodeURIComponent(relay) })}`,
      requestHeaders: [],
      responseHeaders: [{ name: 'Location', value: `${SP}/done?RelayState=${encodeURIComponent(encodeURIComponent(relay))}` }],
    },
    // A relative RelayState with a client secret.
    acs('relative', [['SAMLResponse', response()], ['RelayState', `/resume?client_secret=${T.secret}&step=2`]]),
  ];

  for (const format of FORMATS) {
    for (const profile of ['support', 'share'] as const) {
      it(`${format}, ${profile}: no token survives, in the bytes or the decoded SAML`, () => {
        const out = exportEntries(entries(), { format, profile, now: NOW });
        expect(leaks(out.text, T)).toEqual([]);
        // What a reader needs stays: the RelayState's host, path and ordinary parameters.
        expect(out.text).toContain('app.example.test');
        expect(out.text).toMatch(/lang(=|%3D)en/);
      });
    }
  }

  it('a redacted RelayState is still a URL with the same parameters, their values REDACTED', () => {
    const [post, , relative] = redact(entries(), 'support').entries;
    expect(post?.formFields?.[1]).toEqual([
      'RelayState',
      'https://app.example.test/after?token=REDACTED&code=REDACTED&access_token=REDACTED&lang=en#id_token=REDACTED&refresh_token=REDACTED',
    ]);
    expect(relative?.formFields?.[1]).toEqual(['RelayState', '/resume?client_secret=REDACTED&step=2']);
  });

  it('Markdown and HTML reports show the RelayState without its tokens', async () => {
    const report = await analyze(entries(), {});
    for (const text of [reportMarkdown(report, { profile: 'support' }), reportHtml(report, { profile: 'share' })]) {
      expect(leaks(text, T)).toEqual([]);
      expect(text).toContain('app.example.test');
    }
  });
});

describe('credential parameters by name, and by shape where a value has no name', () => {
  function location(url: string): string {
    const { entries } = redact([acs('e', [['SAMLResponse', response()]], { responseHeaders: [{ name: 'Location', value: url }] })], 'support');
    return entries[0]?.responseHeaders[0]?.value ?? '';
  }

  it.each([
    ['Azure SAS', 'https://acct.blob.core.windows.net/c/b.pdf?sv=2022-11-02&se=2026-01-16&sp=r&sig=Fq3bQm7Yx2LzR9kT4wVn8HcJ%3D', 'https://acct.blob.core.windows.net/c/b.pdf?sv=2022-11-02&se=2026-01-16&sp=r&sig=REDACTED'],
    [
      'S3 presigned',
      'https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20260115&X-Amz-Date=20260115T100000Z&X-Amz-Security-Token=FwoGZXIvYXdzE&X-Amz-Signature=a1b2c3d4e5f6',
      'https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=REDACTED&X-Amz-Date=20260115T100000Z&X-Amz-Security-Token=REDACTED&X-Amz-Signature=REDACTED',
    ],
    ['GCS signed', 'https://storage.googleapis.com/b/o?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Signature=9f8e7d6c5b4a', 'https://storage.googleapis.com/b/o?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Signature=REDACTED'],
    ['Google API key', 'https://maps.googleapis.com/maps/api/js?key=AIzaSyD-9tSrke72PouQMnMX&callback=init', 'https://maps.googleapis.com/maps/api/js?key=REDACTED&callback=init'],
    ['CloudFront', 'https://d111.cloudfront.net/a.mp4?Expires=1768471200&Signature=Zm9vYmFy~c2ln&Key-Pair-Id=K2JCJMDEHXQW5F', 'https://d111.cloudfront.net/a.mp4?Expires=1768471200&Signature=REDACTED&Key-Pair-Id=REDACTED'],
    ['OAuth code and state JWT', `https://sp.example.test/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=${jwt('state')}&session_state=abc`, 'https://sp.example.test/cb?code=REDACTED&state=REDACTED&session_state=abc'],
    ['Salesforce sid', 'https://acme.my.salesforce.com/secur/frontdoor.jsp?sid=00D5g000004abc!AQ0AQ', 'https://acme.my.salesforce.com/secur/frontdoor.jsp?sid=REDACTED'],
    ['user:password@', 'https://svc:Pa55w0rd@files.example.test/x', 'https://svc:REDACTED@files.example.test/x'],
  ])('%s', (_label, url, expected) => {
    expect(location(url)).toBe(expected);
  });

  it.each([
    ['a random token path segment', 'https://files.example.test/d/Zk9xQ2VtS3pPbWx4N2FhbzNQ/report.pdf', 'https://files.example.test/d/REDACTED/report.pdf'],
    ['a hex token path segment', 'https://app.example.test/verify/5f4dcc3b5aa765d61d8327deb882cf995f4dcc3b', 'https://app.example.test/verify/REDACTED'],
    ['a JWT path segment', `https://app.example.test/magic/${jwt('magic')}/open`, 'https://app.example.test/magic/REDACTED/open'],
  ])('%s', (_label, url, expected) => {
    expect(location(url)).toBe(expected);
  });

  it.each([
    'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
    'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/saml2?client-request-id=0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
    'http://www.okta.com/exk1a2b3c4d5e6f7g8h9',
    'https://dev-123456.okta.com/app/dev-123456_samlapp_1/exk1a2b3c4d5e6f7g8h9/sso/saml',
    'https://iam.twilio.com/v1/Accounts/AC5f0e8d2c4b6a19387f5e4d3c2b1a0f9e/saml2',
    'https://sp.example.test/saml/acs?RelayState=home&SigAlg=rsa-sha256',
    'https://accounts.google.com/o/saml2/idp?idpid=C01abc23d',
    'https://sso.example.test/realms/Engineering-Department-2026/protocol/saml',
  ])('keeps an ordinary URL readable under support: %s', (url) => {
    expect(location(url)).toBe(url);
  });

  it("keeps the HTTP-Redirect binding's own Signature next to the message (its signature still verifies)", () => {
    const query = encodeRedirectQuery(buildLogoutRequest(), { param: 'SAMLRequest', relayState: 'home' });
    const signed = `${IDP}/slo?${query}&SigAlg=rsa-sha256&Signature=c2lnbmF0dXJl`;
    const e: TraceEntry = { id: 'r', source: 'webrequest', method: 'GET', url: signed, requestHeaders: [], responseHeaders: [] };
    expect(redact([e], 'support').entries[0]?.url).toBe(signed);
  });

  it('finds a JWT anywhere: a JSON body field with an innocent name, a header with an innocent name', () => {
    const token = jwt('anywhere');
    const e = acs('j', [['SAMLResponse', response()]], {
      requestHeaders: [{ name: 'X-Request-Context', value: `ctx ${token}` }],
    });
    const body: TraceEntry = { id: 'b', source: 'webrequest', method: 'POST', url: `${IDP}/api`, requestHeaders: [{ name: 'Content-Type', value: 'application/json' }], responseHeaders: [], body: JSON.stringify({ context: token, user: 'x' }) };
    const out = JSON.stringify(redact([e, body], 'support').entries);
    expect(out).not.toContain(token);
    expect(out).toContain('ctx REDACTED');
  });

  it.each(['Ocp-Apim-Subscription-Key', 'X-Functions-Key', 'X-Vault-Token', 'PRIVATE-TOKEN', 'X-Hub-Signature-256', 'X-Api-Secret', 'X-Shopify-Access-Token'])(
    'removes the %s header under support',
    (name) => {
      const value = '0123456789abcdef0123456789abcdef';
      const { entries } = redact([acs('h', [['SAMLResponse', response()]], { requestHeaders: [{ name, value }, { name: 'Accept-Language', value: 'en-GB' }] })], 'support');
      expect(entries[0]?.requestHeaders).toEqual([
        { name, value: 'REDACTED' },
        { name: 'Accept-Language', value: 'en-GB' },
      ]);
    },
  );
});

describe('SessionIndex under share', () => {
  const session = '_be9967abd904ddcae3c0eb4189adbe3f71e327cf93';
  const entries = (): TraceEntry[] => [
    acs('login', [['SAMLResponse', response({ sessionIndex: session })]]),
    {
      id: 'logout',
      source: 'webrequest',
      method: 'GET',
      url: `${IDP}/slo?${encodeRedirectQuery(buildLogoutRequest({ nameId: { value: 'alice@contoso.example', format: NAMEID.email }, sessionIndex: session }), { param: 'SAMLRequest' })}`,
      requestHeaders: [],
      responseHeaders: [],
    },
    {
      id: 'soap',
      source: 'webrequest',
      method: 'POST',
      url: `${IDP}/slo/soap`,
      requestHeaders: [{ name: 'Content-Type', value: 'text/xml' }],
      responseHeaders: [],
      body: `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${buildLogoutRequest({ sessionIndex: session })}</soap:Body></soap:Envelope>`,
    },
  ];

  for (const format of FORMATS) {
    it(`${format}: the SessionIndex is a consistent pseudonym in the Response, the LogoutRequest and a SOAP body`, () => {
      const out = exportEntries(entries(), { format, profile: 'share', now: NOW });
      expect(leaks(out.text, { session })).toEqual([]);
      const xml = decodedXml(out.text);
      expect(xml.some((x) => x.includes('SessionIndex="session-1"'))).toBe(true);
      expect(xml.some((x) => x.includes('<samlp:SessionIndex>session-1</samlp:SessionIndex>'))).toBe(true);
      expect(out.text).toContain('<samlp:SessionIndex>session-1</samlp:SessionIndex>');
      expect(out.redaction.counts.session).toBeGreaterThan(0);
    });
  }

  it('support keeps the SessionIndex (it is SAML content a support engineer compares)', () => {
    const out = exportEntries(entries(), { format: 'trace', profile: 'support', now: NOW });
    expect(leaks(out.text, { session })).not.toEqual([]);
  });

  it('Markdown and HTML reports under share never quote it', async () => {
    const report = await analyze(entries(), {});
    expect(reportMarkdown(report, { profile: 'share' })).not.toContain(session);
    expect(reportHtml(report, { profile: 'share' })).not.toContain(session);
  });
});

describe('e-mail addresses after up to two levels of percent-encoding (share)', () => {
  const email = 'bob.builder+sso@fabrikam.example';

  it('pseudonymises the NameID e-mail wherever it appears in RelayState, with the same pseudonym and encoding', () => {
    const once = encodeURIComponent(email);
    const twice = encodeURIComponent(once);
    const relay = `https://app.example.test/home?user=${once}&next=${encodeURIComponent(`/profile?user=${once}`)}&raw=${email}`;
    const { entries } = redact([acs('m', [['SAMLResponse', response({ nameId: { value: email, format: NAMEID.email } })], ['RelayState', relay]])], 'share');
    const text = JSON.stringify(entries);
    expect(text).not.toContain('bob.builder');
    expect(text).not.toContain('fabrikam');
    const out = entries[0]?.formFields?.[1]?.[1] ?? '';
    expect(out).toBe(
      `https://app.example.test/home?user=user1%40example.invalid&next=${encodeURIComponent('/profile?user=user1%40example.invalid')}&raw=user1@example.invalid`,
    );
    expect(twice).toContain('%2540');
  });

  it('finds e-mails the NameID never named, at each level, and leaves look-alikes alone', () => {
    const e = acs('x', [['SAMLResponse', response()], ['RelayState', 'a=dave%2540northwind.example&b=erin%40northwind.example&c=frank@northwind.example&d=not-an@address&e=%40handle']]);
    const out = redact([e], 'share').entries[0]?.formFields?.[1]?.[1] ?? '';
    expect(out).not.toContain('northwind');
    expect(out).toContain('not-an@address');
    expect(out).toContain('%40handle');
  });

  it('the Markdown and HTML reports quote a StatusMessage without the e-mail it names', async () => {
    const failed = acs('f', [['SAMLResponse', encodePostValue(buildResponse({ status: { code: STATUS.responder, message: 'User carol.singer@northwind.example is not assigned to a role for the application.' } }))]]);
    const report = await analyze([failed], {});
    for (const text of [reportMarkdown(report, { profile: 'share' }), reportHtml(report, { profile: 'share' })]) {
      expect(text).not.toContain('carol.singer');
      expect(text).toContain('user1@example.invalid is not assigned');
    }
  });
});
