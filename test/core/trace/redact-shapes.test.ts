// Secrets and personal data in the shapes real captures carry them: where a value stands must not decide
// whether it is removed.
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../../../lib/core/model';
import { redact } from '../../../lib/core/trace/redact';
import { encodeSamlValue } from '../../../lib/core/trace/saml-codec';

const TOKEN = 'Zk9xQ2VtS3pPbWx4N2Fhb3BRabcDEF123';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlX3NlY3JldA';
const entry = (extra: Partial<TraceEntry>): TraceEntry => ({ id: 'e1', source: 'har', method: 'GET', url: 'https://a.example/', requestHeaders: [], responseHeaders: [], ...extra });
const json = { name: 'Content-Type', value: 'application/json' };
const out = (e: TraceEntry, profile: 'support' | 'share' = 'support') => JSON.stringify(redact([e], profile).entries[0]);

describe('support: a credential goes wherever it stands', () => {
  it.each<[string, Partial<TraceEntry>, string]>([
    ['a bare query part', { url: `https://a.example/magic?${TOKEN}` }, TOKEN],
    ['a bare JWT query part', { url: `https://a.example/magic?${JWT}` }, JWT],
    ['a hash route segment', { url: `https://a.example/#/reset/${TOKEN}` }, TOKEN],
    ['a bare JWT fragment', { url: `https://a.example/cb#${JWT}` }, JWT],
    ['a query value named innocently', { url: `https://a.example/cb?state=${TOKEN}` }, TOKEN],
    ['a header value named innocently', { requestHeaders: [{ name: 'X-Request-Context', value: TOKEN }] }, TOKEN],
    ['a form value', { formFields: [['stateHandle', TOKEN]] }, TOKEN],
    ['a JSON value', { body: JSON.stringify({ stateHandle: TOKEN }), requestHeaders: [json] }, TOKEN],
    ['a cookie without a name', { requestHeaders: [{ name: 'Cookie', value: `a=1; ${TOKEN}` }] }, TOKEN],
    ['a Set-Cookie without a name', { responseHeaders: [{ name: 'Set-Cookie', value: `${TOKEN}; Path=/` }] }, TOKEN],
    ['a header whose name ends in token', { requestHeaders: [{ name: 'X-AuthToken', value: 'short-secret-1' }] }, 'short-secret-1'],
    ['a one-time code by its sign-in page name', { formFields: [['verificationCode', '482913'], ['otc', '771204']] }, '482913'],
    ['a WS-Security password (a WS-Trust usernamemixed request)', { body: '<s:Envelope><s:Header><o:Security><o:UsernameToken><o:Username>u</o:Username><o:Password>Hunter2pw</o:Password></o:UsernameToken></o:Security></s:Header></s:Envelope>', requestHeaders: [{ name: 'Content-Type', value: 'application/soap+xml' }] }, 'Hunter2pw'],
    ['a JSON secret written with an escaped slash', { responseBody: { text: '{"access_token":"abc\\/defSECRETxyz"}', mimeType: 'application/json' } }, 'SECRETxyz'],
    ['a JSON secret written with a \\u escape', { body: '{"password":"p\\u00e4ssw0rd"}', requestHeaders: [json] }, 'w0rd'],
    ['a numeric one-time code in JSON', { body: '{"otp":123456}', requestHeaders: [json] }, '123456'],
  ])('%s', (_where, extra, secret) => {
    expect(out(entry(extra))).not.toContain(secret);
  });

  it.each([
    ['userPassword', 'LDAP-hash-{SSHA}c2VjcmV0'],
    ['urn:oid:2.5.4.35', 'oid-named-password-1'],
    // Active Directory's unicodePwd by its OID: what the attribute-password rule raises, redaction removes.
    ['urn:oid:1.2.840.113556.1.4.90', 'nt-hash-by-oid-3'],
    ['http://schemas.example.test/claims/api_key', 'claim-api-key-2'],
  ])('the values of a SAML attribute named %s, as an IdP that releases it sends them', (name, secret) => {
    const response =
      '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r" Version="2.0" IssueInstant="2026-05-01T10:00:00Z">' +
      `<saml:Assertion ID="_a" Version="2.0" IssueInstant="2026-05-01T10:00:00Z"><saml:AttributeStatement><saml:Attribute Name="${name}"><saml:AttributeValue>${secret}</saml:AttributeValue></saml:Attribute>` +
      '<saml:Attribute Name="department"><saml:AttributeValue>Quantum Accounting</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion></samlp:Response>';
    const redacted = redact([entry({ method: 'POST', formFields: [['SAMLResponse', encodeSamlValue(response, 'base64')]] })], 'support').entries[0]!;
    const xml = Buffer.from(redacted.formFields![0]![1], 'base64').toString();
    expect(xml).not.toContain(secret);
    expect(xml).toContain(`<saml:Attribute Name="${name}"><saml:AttributeValue>REDACTED</saml:AttributeValue>`);
    // SAML content stays under support: the other attributes as sent.
    expect(xml).toContain('Quantum Accounting');
  });

  it('a URL or sentence holding a token keeps everything but the token', () => {
    const text = out(entry({ requestHeaders: [{ name: 'X-Context', value: `ctx ${JWT}` }], url: `https://a.example/cb?RelayState=${encodeURIComponent(`https://app.example.test/home?state=${TOKEN}`)}` }));
    expect(text).toContain('ctx REDACTED');
    expect(text).toContain('app.example.test');
    expect(text).not.toContain(TOKEN);
  });
});

describe('share: a SAML message in any URL is pseudonymised, wherever the URL is written', () => {
  const logout = '<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_1" Version="2.0" IssueInstant="2026-05-01T10:00:00Z"><saml:Issuer>https://sp.example</saml:Issuer><saml:NameID>p1.person@corp.example</saml:NameID></samlp:LogoutRequest>';
  const slo = `https://idp.example/slo?SAMLRequest=${encodeURIComponent(encodeSamlValue(logout, 'deflate-base64'))}`;
  /** The output, with every deflated SAMLRequest in it inflated and appended. */
  const opened = (e: TraceEntry) => {
    let text = out(e, 'share');
    for (const m of text.matchAll(/SAMLRequest=([^&"\\]+)/g)) text += inflateRawSync(Buffer.from(decodeURIComponent(m[1]!), 'base64')).toString();
    return text;
  };

  it.each<[string, Partial<TraceEntry>]>([
    ["HTTP/2's :path header", { url: slo, requestHeaders: [{ name: ':path', value: new URL(slo).pathname + new URL(slo).search }] }],
    ['a proxy header of another name', { requestHeaders: [{ name: 'X-Original-URL', value: slo }] }],
    ['a sign-out link in a captured page', { responseBody: { text: `<a href="${slo.replace(/&/g, '&amp;')}">Sign out</a>`, mimeType: 'text/html' } }],
  ])('%s', (_where, extra) => {
    const text = opened(entry(extra));
    expect(text).toContain('<saml:NameID>');
    expect(text).not.toContain('p1.person@corp.example');
  });
});

describe('share: the user typed into a sign-in form is personal, whatever its shape', () => {
  it.each<[string, string]>([
    ['username', 'p7person'],
    ['loginfmt', 'p8.person@contoso.example'],
    ['UserName', 'CONTOSO\\p9person'],
    ['identifier', 'zo\u00eb.p6@corp.example'],
  ])('%s=%s', (name, value) => {
    const text = out(entry({ method: 'POST', formFields: [[name, value], ['password', 'x']] }), 'share');
    expect(text).not.toContain(value.split('@')[0]!.replace('\\', '\\\\'));
  });

  it('a non-ASCII e-mail address in free text is pseudonymised like any other', () => {
    expect(out(entry({ responseBody: { text: '<p>Signed in as zo\u00eb.p6@corp.example</p>', mimeType: 'text/html' } }), 'share')).not.toContain('zo\u00eb');
  });

  it('support keeps them (it removes credentials, not identities)', () => {
    expect(out(entry({ method: 'POST', formFields: [['username', 'p7person']] }))).toContain('p7person');
  });
});

describe('share: an auto-post page writing its base64 with character references (Shibboleth: &#x2b;, &#x3d;)', () => {
  it('is decoded and pseudonymised, not replaced wholesale (the message stays readable)', () => {
    const response = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r" Version="2.0" IssueInstant="2026-05-01T10:00:00Z"><saml:Assertion ID="_a" Version="2.0" IssueInstant="2026-05-01T10:00:00Z"><saml:Issuer>https://idp.example</saml:Issuer><saml:Subject><saml:NameID>p10.person@corp.example</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>';
    const value = Buffer.from(`${response}?>`).toString('base64').replace(/\+/g, '&#x2b;').replace(/=/g, '&#x3d;').replace(/\//g, '&#47;');
    const page = `<form method="post" action="https://sp.example/acs"><input type="hidden" name="SAMLResponse" value="${value}"/></form>`;
    const text = out(entry({ responseBody: { text: page, mimeType: 'text/html' } }), 'share');
    expect(text).not.toContain('p10.person');
    expect(text).not.toMatch(/name=\\"SAMLResponse\\" value=\\"REDACTED\\"/);
  });
});

describe('support keeps what is SAML content, token-shaped or not', () => {
  it("a SAML artifact and the Redirect binding's Signature stay readable", () => {
    const artifact = Buffer.concat([Buffer.from([0, 4, 0, 0]), Buffer.alloc(20, 7), Buffer.from('Zk9xQ2VtS3pPbWx4N2Fh')]).toString('base64');
    const text = out(entry({ url: `https://sp.example/acs?SAMLart=${encodeURIComponent(artifact)}&RelayState=%2Fhome` }));
    expect(text).toContain(encodeURIComponent(artifact));
  });
});

describe('a Redirect URL nested in another URL (a returnTo, a Referer) keeps its SAML parts', () => {
  it('its Signature is not taken for a bearer token, here or in the outer URL', () => {
    const signature = 'sZzGICFZ0VsLyHNzDI0x28OrGd0t0mpz0fZk3/HxZmLFe1RPXH95Dx3NOmmRilDKXwP+abc=';
    const inner = `https://idp.example/sso?SAMLRequest=fZFNa8Mw&SigAlg=${encodeURIComponent('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')}&Signature=${encodeURIComponent(signature)}`;
    const text = out(entry({ url: inner, requestHeaders: [{ name: 'X-Return', value: `https://app.example/login?returnTo=${encodeURIComponent(inner)}` }] }));
    expect(text).toContain(encodeURIComponent(signature));
    expect(text).not.toContain('REDACTED');
  });
});

describe('share: a SAML message sent as JSON', () => {
  it('is pseudonymised like a form field, and stays a readable message', () => {
    const response = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r" Version="2.0" IssueInstant="2026-05-01T10:00:00Z"><saml:Assertion ID="_a" Version="2.0" IssueInstant="2026-05-01T10:00:00Z"><saml:Issuer>https://idp.example</saml:Issuer><saml:Subject><saml:NameID>p11.person@corp.example</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>';
    const e = entry({ method: 'POST', body: JSON.stringify({ SAMLResponse: Buffer.from(response).toString('base64'), RelayState: '/home' }), requestHeaders: [json] });
    const body = JSON.parse(redact([e], 'share').entries[0]!.body!) as { SAMLResponse: string };
    const xml = Buffer.from(body.SAMLResponse, 'base64').toString();
    expect(xml).toContain('<saml:NameID>');
    expect(xml).not.toContain('p11.person');
  });
});

describe('support: credentials under the names and in the texts sign-in pages really use', () => {
  const html = (text: string) => ({ responseBody: { text, mimeType: 'text/html' } });
  it.each<[string, Partial<TraceEntry>, string]>([
    ["PingFederate's pf.pass", { formFields: [['pf.username', 'jdoe'], ['pf.pass', 'Tr0ub4dor&3pf']] }, 'Tr0ub4dor'],
    ['a camelCase password name', { formFields: [['userPass', 'camelPass99']] }, 'camelPass99'],
    ['a backup code', { formFields: [['backup_code', '81726354']] }, '81726354'],
    ['a recovery code', { body: '{"recoveryCode":"RC-1234-5678"}', requestHeaders: [json] }, 'RC-1234-5678'],
    ['JSON behind an anti-XSSI prefix', { responseBody: { text: `)]}'\n{"access_token":"ya29.SecretAccessTok","password":"XssiPw77"}`, mimeType: 'application/json' } }, 'XssiPw77'],
    ['JSON in a page script', html('<script>var cfg = {"refreshToken":"rt-7f3a9b22-secret","password":"HtmlPw123"};</script>'), 'HtmlPw123'],
    ['a random token under an innocent key in a page script', html(`<script>$Config={"sFT":"${TOKEN}"};</script>`), TOKEN],
    ['an unquoted key in a script', html('<script>login({ password: "JsPw4711" })</script>'), 'JsPw4711'],
    ['a GraphQL argument in a JSON body', { body: JSON.stringify({ query: 'mutation { login(user: "a", password: "GqlS3cretPw!") { ok } }' }), requestHeaders: [json] }, 'GqlS3cretPw!'],
    ['a line of plain text', { responseBody: { text: 'user: a\npassword: PlainTxtPw55\n', mimeType: 'text/plain' } }, 'PlainTxtPw55'],
    ['a second cookie folded into one Set-Cookie line', { responseHeaders: [{ name: 'Set-Cookie', value: 'lang=en; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Path=/, SPSESS=s3ss10nV4lue; HttpOnly' }] }, 's3ss10nV4lue'],
    ['Cookie2', { requestHeaders: [{ name: 'Cookie2', value: 'sid=ck2secret' }] }, 'ck2secret'],
    ['a session header', { requestHeaders: [{ name: 'X-Okta-Session', value: 'okSess1on' }] }, 'okSess1on'],
    ['a Negotiate challenge answer', { responseHeaders: [{ name: 'WWW-Authenticate', value: 'Negotiate oYGfMIGcoAMKAQChCwYJKoZIgvcSAQIC' }] }, 'oYGfMIGcoAMKAQChCwYJKoZIgvcSAQIC'],
  ])('%s', (_where, extra, secret) => {
    expect(out(entry(extra))).not.toContain(secret);
  });

  it('keeps the words around them and the names that only look alike', () => {
    const text = out(entry({ formFields: [['bypass', 'cache'], ['statusCode', '200'], ['pf.username', 'jdoe']], responseHeaders: [{ name: 'Set-Cookie', value: 'a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT' }] }));
    for (const kept of ['"cache"', '"200"', 'jdoe', 'Expires=Wed, 21 Oct 2026 07:28:00 GMT']) expect(text).toContain(kept);
  });
});

describe('share: personal data in the shapes sign-in APIs and pages write it', () => {
  it('a user name and names in JSON (Okta /api/v1/authn)', () => {
    const text = out(entry({ body: '{"username":"jsmith77","password":"x"}', requestHeaders: [json], responseBody: { text: '{"_embedded":{"user":{"profile":{"login":"jsmith77","firstName":"Jonas","lastName":"Smithers"}}}}', mimeType: 'application/json' } }), 'share');
    for (const personal of ['jsmith77', 'Jonas', 'Smithers']) expect(text).not.toContain(personal);
  });

  it.each([
    ['an internationalised domain', 'kim@b\u00fccher.example'],
    ['an apostrophe in the local part', "patrick.o'brien@corp.example"],
    ['an HTML-escaped @', 'anna.berg&#x40;corp.example.com'],
    ['a JSON-escaped @', 'esc.user\\u0040corp.example.com'],
  ])('an e-mail address with %s', (_shape, address) => {
    const text = out(entry({ responseBody: { text: `<p>Signed in as ${address}.</p><script>x = '${address}';</script>`, mimeType: 'text/html' } }), 'share');
    expect(text).not.toContain(address.slice(0, 6));
    expect(text).toContain("x = 'user"); // the quote that opens a string is not part of the address
  });

  it('short names from the assertion go from the page too, as whole words only', () => {
    const response = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_1" Version="2.0" IssueInstant="2026-05-01T10:00:00Z"><saml:Assertion ID="_a" Version="2.0" IssueInstant="2026-05-01T10:00:00Z"><saml:AttributeStatement><saml:Attribute Name="givenName"><saml:AttributeValue>Ann</saml:AttributeValue></saml:Attribute><saml:Attribute Name="sn"><saml:AttributeValue>Li</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion></samlp:Response>';
    const post = entry({ method: 'POST', formFields: [['SAMLResponse', encodeSamlValue(response, 'base64')]] });
    const page = entry({ id: 'e2', responseBody: { text: '<h1>Welcome Ann Li</h1><p>Annual report from Lisbon</p>', mimeType: 'text/html' } });
    const text = JSON.stringify(redact([post, page], 'share').entries[1]);
    expect(text).not.toMatch(/Welcome Ann|Ann Li/);
    expect(text).toContain('Annual report from Lisbon');
  });

  it("a SAML message inside a RelayState URL (another IdP's sign-in link)", () => {
    const request = '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r" Version="2.0" IssueInstant="2026-05-01T10:00:00Z"><saml:Subject><saml:NameID>nested.user@corp.example</saml:NameID></saml:Subject></samlp:AuthnRequest>';
    const relay = `https://idp2.example/sso?SAMLRequest=${encodeURIComponent(encodeSamlValue(request, 'deflate-base64'))}`;
    const text = out(entry({ formFields: [['SAMLResponse', encodeSamlValue('<x/>', 'base64')], ['RelayState', relay]] }), 'share');
    const inner = JSON.parse(text).formFields[1][1] as string;
    const nested = new URL(inner).searchParams.get('SAMLRequest')!;
    expect(inflateRawSync(Buffer.from(nested, 'base64')).toString()).toMatch(/<saml:NameID>user\d+@example\.invalid<\/saml:NameID>/);
  });
});
