// The comparison of two judged logins (lib/core/compare): each field family, what is never compared,
// how differences are ranked and explained, picking, pseudonyms, redaction and Markdown.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import { compareReports, comparisonMarkdown, redactComparison, type Comparison, type CompareOutcome, type Pick } from '../../../lib/core/compare';
import type { AnalyzeOptions, Report, TraceEntry } from '../../../lib/core/model';
import { buildResponse, loadTestKey, NAMEID, signXml, STATUS, type ResponseSpec } from '../../../lib/samlgen';
import { samlArtifact } from '../../fixtures/flows/encode';
import { ACS, at, authnRequest, cleanFlow, IDP_ENTITY, postEntry, redirectEntry, response, SP_ENTITY, SSO, T0, TRUST } from '../rules/build';

const judge = (entries: TraceEntry[], opts: AnalyzeOptions = TRUST) => analyze(entries, opts);

function compare(a: Report, b: Report, pick: Pick = { auto: true }, pickB: Pick = pick, allowUnrelated = false): CompareOutcome {
  return compareReports({ report: a, input: 'a.har', pick }, { report: b, input: 'b.har', pick: pickB }, { allowUnrelated });
}

function comparison(out: CompareOutcome): Comparison {
  expect(out.problem).toBeUndefined();
  return out.comparison!;
}

/** One Response posted to the ACS, compared with another: the usual "it worked yesterday" pair. */
async function responses(a: ResponseSpec, b: ResponseSpec, opts: AnalyzeOptions = TRUST, sign: { a?: Array<'root' | 'assertion'>; b?: Array<'root' | 'assertion'> } = {}) {
  const ra = await judge([postEntry('SAMLResponse', response(a, sign.a))], opts);
  const rb = await judge([postEntry('SAMLResponse', response(b, sign.b))], opts);
  return comparison(compare(ra, rb));
}

const fields = (c: Comparison) => c.differences.map((d) => d.field);
const find = (c: Comparison, field: string) => c.differences.find((d) => d.field === field);

describe('compare: what is never a difference', () => {
  it('two logins that differ only in IDs, instants and signature values have no difference', async () => {
    const a = await judge(cleanFlow());
    const later = (s: number) => new Date(Date.parse(T0) + s * 1000 + 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const b = await judge([
      redirectEntry('SAMLRequest', authnRequest({ id: '_req2', issueInstant: later(-3) }), SSO, later(-2), { relayState: 'rs-1' }),
      postEntry('SAMLResponse', response({ id: '_other', assertionId: '_other-a', inResponseTo: '_req2', issueInstant: later(0), sessionIndex: '_s2' }), ACS, later(2), [['RelayState', 'rs-1']]),
    ]);
    const c = comparison(compare(a, b));
    expect(c.differences).toEqual([]);
    expect(c.summary.matters).toBe(false);
    expect(c.same.length).toBeGreaterThan(15);
    const same = JSON.stringify(c.same);
    for (const value of ['_req1', '_req2', '_other', T0]) expect(same).not.toContain(value);
  });

  it('a clock a few seconds off is the same clock; a quarter of an hour is not', async () => {
    const near = await responses({}, { issueInstant: at(-40) });
    expect(fields(near)).not.toContain('clock.offset');
    const far = await responses({}, { issueInstant: at(-900), notBefore: at(-1200), notOnOrAfter: at(-600) });
    const clock = find(far, 'clock.offset')!;
    expect(clock.a).toBe('issued 2 s before the capture');
    expect(clock.b).toBe('issued 15 min before the capture');
    expect(clock.explains).toEqual(expect.arrayContaining(['assertion-expired', 'clock-skew']));
    expect(clock.importance).toBe('critical');
  });
});

describe('compare: each field family', () => {
  it('issuer: the IdP entity ID on the Response and the Assertion, explaining issuer-mismatch', async () => {
    const c = await responses({}, { issuer: 'https://idp.example.test/metadata/' }, { ...TRUST, idpEntityId: IDP_ENTITY });
    expect(c.differences.slice(0, 2).map((d) => [d.field, d.a, d.b, d.importance])).toEqual([
      ['issuer', IDP_ENTITY, `${IDP_ENTITY}/`, 'critical'],
      ['assertion.issuer', IDP_ENTITY, `${IDP_ENTITY}/`, 'critical'],
    ]);
    expect(c.differences[0]!.explains).toContain('issuer-mismatch');
  });

  it('destination, recipient and the URL it was posted to', async () => {
    const ra = await judge([postEntry('SAMLResponse', response())]);
    const rb = await judge([postEntry('SAMLResponse', response({ destination: 'https://sp.example.test/old-acs' }), 'https://sp.example.test/old-acs')]);
    const c = comparison(compare(ra, rb));
    expect(c.differences.map((d) => [d.field, d.b])).toEqual(
      expect.arrayContaining([
        ['destination', 'https://sp.example.test/old-acs'],
        ['recipient', 'https://sp.example.test/old-acs'],
        ['endpoint', 'https://sp.example.test/old-acs'],
      ]),
    );
  });

  it('the requested ACS, binding and NameID format of AuthnRequests', async () => {
    const ra = await judge([redirectEntry('SAMLRequest', authnRequest())]);
    const rb = await judge([postEntry('SAMLRequest', authnRequest({ acsUrl: 'https://sp.example.test/acs2', nameIdPolicyFormat: NAMEID.persistent }), SSO)]);
    const c = comparison(compare(ra, rb));
    expect(find(c, 'request.acsUrl')).toMatchObject({ a: ACS, b: 'https://sp.example.test/acs2', kind: 'changed', importance: 'major' });
    expect(find(c, 'request.nameIdPolicy')).toMatchObject({ kind: 'added', b: NAMEID.persistent });
    expect(find(c, 'binding')).toMatchObject({ a: 'HTTP-Redirect', b: 'HTTP-POST', importance: 'minor' });
  });

  it('NameID and its format: another user is minor, another format explains nameid-format', async () => {
    const other = await responses({}, { nameId: { value: 'bob@example.test', format: NAMEID.email } });
    expect(other.differences.map((d) => [d.field, d.a, d.b, d.importance])).toEqual([['nameId', 'alice@example.test', 'bob@example.test', 'minor']]);
    const format = await responses({}, { nameId: { value: 'a7f3', format: NAMEID.transient } }, { ...TRUST, profile: 'twilio-console' });
    expect(format.differences[0]).toMatchObject({ field: 'nameId.format', a: NAMEID.email, b: NAMEID.transient, importance: 'critical' });
    expect(format.differences[0]!.explains).toContain('nameid-format');
  });

  it('attributes: added, removed, values changed (as sets), NameFormat', async () => {
    const c = await responses(
      { attributes: [{ name: 'mail', values: ['a@x.test'] }, { name: 'groups', values: ['g1', 'g2'] }, { name: 'dept', nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic', values: ['IT'] }] },
      { attributes: [{ name: 'groups', values: ['g2', 'g1'] }, { name: 'dept', nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri', values: ['Sales'] }, { name: 'phone', values: ['+1 555'] }] },
    );
    expect(c.differences.map((d) => [d.field, d.kind, d.path])).toEqual(
      expect.arrayContaining([
        ['attribute', 'removed', 'Response.attribute[mail]'],
        ['attribute', 'added', 'Response.attribute[phone]'],
        ['attribute', 'changed', 'Response.attribute[dept]'],
        ['attribute.nameFormat', 'changed', 'Response.attribute[dept].nameFormat'],
      ]),
    );
    // The same values in another order are the same attribute.
    expect(c.differences.map((d) => d.path)).not.toContain('Response.attribute[groups]');
    expect(find(c, 'attribute')!.a).toEqual(['a@x.test']);
  });

  it('attributes renamed: same values under another name, or the same name in another case or namespace', async () => {
    const byValues = await responses({ attributes: [{ name: 'roles', values: ['agent'] }] }, { attributes: [{ name: 'groups', values: ['agent'] }] });
    expect(byValues.differences.map((d) => [d.field, d.a, d.b])).toEqual([['attribute.name', 'roles', 'groups']]);
    const byCase = await responses({ attributes: [{ name: 'email', values: ['a@x.test'] }] }, { attributes: [{ name: 'Email', values: ['b@x.test'] }] });
    expect(byCase.differences.map((d) => [d.field, d.a, d.b])).toEqual([
      ['attribute.name', 'email', 'Email'],
      ['attribute', ['a@x.test'], ['b@x.test']],
    ]);
    const claim = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress';
    const byNamespace = await responses({ attributes: [{ name: claim, values: ['a@x.test'] }] }, { attributes: [{ name: 'emailaddress', values: ['b@x.test'] }] });
    expect(byNamespace.differences[0]).toMatchObject({ field: 'attribute.name', a: claim, b: 'emailaddress' });
  });

  it('audience: a list compared as a set, explaining audience-mismatch', async () => {
    const same = await responses({ audiences: [SP_ENTITY, 'https://other'] }, { audiences: ['https://other', SP_ENTITY] });
    expect(same.differences).toEqual([]);
    const ra = await judge(cleanFlow());
    const rb = await judge(cleanFlow({ audiences: ['https://sp.example.test'] }));
    const c = comparison(compare(ra, rb));
    expect(c.differences[0]).toMatchObject({ field: 'audience', a: [SP_ENTITY], b: ['https://sp.example.test'], importance: 'critical', explains: ['audience-mismatch'] });
  });

  it('status: an error status explains status-error, and what the assertion said is not listed field by field', async () => {
    const c = await responses({}, { status: { code: STATUS.responder, subCode: 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed', message: 'locked' } }, TRUST, { b: [] });
    expect(c.differences[0]).toMatchObject({ field: 'status', a: 'Success', b: 'Responder / AuthnFailed', importance: 'critical' });
    expect(c.differences[0]!.explains).toContain('status-error');
    expect(fields(c)).toEqual(expect.arrayContaining(['assertion', 'status.message', 'signature']));
    for (const gone of ['nameId', 'attribute', 'audience', 'recipient', 'validity.conditions', 'encryption']) expect(fields(c)).not.toContain(gone);
  });

  it('signatures: which parts are signed, explaining message-unsigned', async () => {
    const c = await responses({}, {}, TRUST, { b: ['assertion'] });
    expect(c.differences.map((d) => [d.field, d.label, d.kind, d.importance])).toEqual([['signature', 'Response signature', 'removed', 'major']]);
    const none = await responses({}, {}, TRUST, { b: [] });
    expect(none.differences[0]).toMatchObject({ field: 'signature', kind: 'removed', importance: 'critical', explains: ['message-unsigned'] });
  });

  it('signatures: algorithms, certificate fingerprints and verdicts; the certificate before the verdict', async () => {
    const ra = await judge([postEntry('SAMLResponse', response({}, ['assertion']))]);
    const rogue = await judge([postEntry('SAMLResponse', response({}, ['assertion'], loadTestKey('rogue')))]);
    const c = comparison(compare(ra, rogue));
    expect(c.differences.map((d) => [d.field, d.importance])).toEqual([
      ['signature.certificate', 'critical'],
      ['signature.status', 'critical'],
    ]);
    const sha256 = (name: 'idp' | 'rogue') => createHash('sha256').update(Buffer.from(loadTestKey(name).certificateBase64, 'base64')).digest('hex').toUpperCase();
    expect([c.differences[0]!.a, c.differences[0]!.b]).toEqual([sha256('idp'), sha256('rogue')]);
    expect(c.differences[0]!.detail?.b).toMatch(/not trusted/);
    expect(c.differences[1]).toMatchObject({ a: 'valid', b: 'untrusted' });
    const sha1 = signXml(buildResponse({ issueInstant: T0, destination: ACS, audiences: [SP_ENTITY], issuer: IDP_ENTITY }), {
      key: loadTestKey('idp'),
      targets: ['assertion'],
      signatureAlgorithm: 'rsa-sha1',
      digestAlgorithm: 'sha1',
    });
    const weak = comparison(compare(ra, await judge([postEntry('SAMLResponse', sha1)])));
    expect(weak.differences.map((d) => d.field)).toEqual(expect.arrayContaining(['signature.algorithm', 'signature.digest']));
    expect(find(weak, 'signature.algorithm')!.explains).toContain('weak-algorithm');
  });

  it('encryption: an encrypted assertion against one in clear', async () => {
    const clear = response({}, ['root']);
    const encrypted = clear.replace(
      /<saml:Assertion[\s\S]*<\/saml:Assertion>/,
      '<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"><xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes256-cbc"/><xenc:CipherData><xenc:CipherValue>AAAA</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData></saml:EncryptedAssertion>',
    );
    const c = comparison(compare(await judge([postEntry('SAMLResponse', clear)], {}), await judge([postEntry('SAMLResponse', encrypted)], {})));
    expect(find(c, 'encryption')).toMatchObject({ a: 'not encrypted', b: 'encrypted (http://www.w3.org/2001/04/xmlenc#aes256-cbc)', importance: 'major' });
    expect(find(c, 'encryption')!.explains).toContain('assertion-encrypted');
  });

  it('validity window lengths', async () => {
    const c = await responses({}, { notBefore: at(-300), notOnOrAfter: at(3600), subjectNotOnOrAfter: at(60) });
    expect(find(c, 'validity.conditions')).toMatchObject({ a: '10 min', b: '65 min', importance: 'minor' });
    expect(find(c, 'validity.confirmation')).toMatchObject({ a: '5 min', b: '60 s' });
  });

  it('RelayState: present on one side only is minor; another value (a per-login token) is cosmetic', async () => {
    const base = (relay?: string) => judge([postEntry('SAMLResponse', response(), ACS, at(2), relay ? [['RelayState', relay]] : [])]);
    const token = comparison(compare(await base('rs_1'), await base('rs_2')));
    expect(token.differences).toMatchObject([{ field: 'relayState', importance: 'cosmetic' }]);
    expect(token.summary.matters).toBe(false);
    expect(token.summary.headline).toMatch(/^Nothing that matters differs; only a cosmetic difference/);
    const gone = comparison(compare(await base('rs_1'), await base()));
    expect(gone.differences).toMatchObject([{ field: 'relayState', kind: 'removed', importance: 'minor' }]);
  });

  it('InResponseTo: answering the captured request, an unknown one, or none', async () => {
    const solicited = await judge(cleanFlow());
    const unsolicited = await judge([postEntry('SAMLResponse', response({ inResponseTo: undefined }))], { ...TRUST, spEntityId: SP_ENTITY });
    const c = comparison(compare(solicited, unsolicited));
    expect(find(c, 'inResponseTo')).toMatchObject({ kind: 'removed', a: 'answers the captured AuthnRequest' });
    const stray = await judge([redirectEntry('SAMLRequest', authnRequest()), postEntry('SAMLResponse', response({ inResponseTo: '_elsewhere' }))]);
    const s = comparison(compare(solicited, stray, { message: 2 }));
    expect(find(s, 'inResponseTo')).toMatchObject({ a: 'answers the captured AuthnRequest', b: 'answers a request that was not captured', importance: 'critical' });
  });

  it('artifacts: the SourceID names the IdP; the message handle differs on every login and is never compared', async () => {
    const artifact = (idp: string, seed: string): TraceEntry => ({
      id: seed,
      source: 'har',
      method: 'GET',
      url: `${ACS}?SAMLart=${encodeURIComponent(samlArtifact(idp, 1, seed))}`,
      requestHeaders: [],
      responseHeaders: [],
      capturedAt: at(2),
    });
    const same = comparison(compare(await judge([artifact(IDP_ENTITY, 'h1')]), await judge([artifact(IDP_ENTITY, 'h2')])));
    expect(same.differences).toEqual([]);
    const other = comparison(compare(await judge([artifact(IDP_ENTITY, 'h1')]), await judge([artifact('https://idp.other', 'h2')]), { auto: true }, { auto: true }, true));
    expect(other.differences.map((d) => [d.field, d.importance])).toEqual([['artifact.source', 'major']]);
  });

  it('flows: a message only one side has, and the flow kind', async () => {
    const spInitiated = await judge(cleanFlow());
    const idpInitiated = await judge([postEntry('SAMLResponse', response({ inResponseTo: undefined }))]);
    const c = comparison(compare(spInitiated, idpInitiated, { flow: 1 }));
    expect(find(c, 'flow.kind')).toMatchObject({ a: 'sp-initiated', b: 'idp-initiated', importance: 'major' });
    expect(find(c, 'message')).toMatchObject({ kind: 'removed', a: 'AuthnRequest (HTTP-Redirect)', path: 'AuthnRequest.message' });
  });
});

describe('compare: findings and ranking', () => {
  it('findings each side has and the other has not, matched by rule and location, never by their wording', async () => {
    const c = await responses({}, { audiences: ['https://elsewhere'] }, { ...TRUST, spEntityId: SP_ENTITY });
    expect(c.findings.onlyA).toEqual([]);
    expect(c.findings.onlyB.map((f) => [f.rule, f.in, f.explained])).toEqual([['audience-mismatch', 'Response', true]]);
    // Two logins of one broken configuration have the same finding: it is not a difference.
    const both = await responses({ audiences: ['https://elsewhere'], id: '_one' }, { audiences: ['https://elsewhere'], id: '_two' }, { ...TRUST, spEntityId: SP_ENTITY });
    expect(both.findings).toEqual({ onlyA: [], onlyB: [] });
  });

  it('a one-sided error that no field explains leads the headline', async () => {
    const ra = await judge([postEntry('SAMLResponse', response(), ACS, at(2))]);
    // Posted long after it expired: no compared field differs (the clock offset is the capture's), yet B fails.
    const rb = await judge([postEntry('SAMLResponse', response({}), ACS, at(2))], { ...TRUST, at: at(7200) });
    const c = comparison(compare(ra, rb));
    expect(c.differences).toEqual([]);
    expect(c.findings.onlyB.map((f) => [f.rule, f.explained])).toContainEqual(['assertion-expired', false]);
    expect(c.summary.matters).toBe(true);
    expect(c.summary.headline).toMatch(/^B has assertion-expired \(error\) on its Response and A has not; no compared field explains it\./);
  });

  it('says both sides have a finding when each has it on a different element, not that one has it and the other not', async () => {
    // No trusted certificate: A's Response and Assertion signatures are both untrusted (one finding, on the
    // Response), B signs only its Assertion (the same rule, on the Assertion).
    const ra = await judge(cleanFlow({}, ['root', 'assertion']), {});
    const rb = await judge(cleanFlow({}, ['assertion']), {});
    const c = comparison(compare(ra, rb));
    expect(c.summary.headline).toMatch(/^Response › Response signature: only in A \(signed \(untrusted\)\); this explains why /);
    expect(c.summary.headline).toContain('A and B both have signature-untrusted (warning), on different elements (A: /Response; B: /Response/Assertion)');
    expect(c.summary.headline).not.toMatch(/has signature-untrusted \(warning\) and [AB] has not/);
  });

  it('names, for a side with the finding on several messages, the one on the message that differs (not an earlier request)', async () => {
    // A's signed AuthnRequest is unchecked (signature-untrusted, info, no SP certificate) before its Response
    // (signature-untrusted, warning); the headline is about the Response signature, so it names A's Response.
    const [, answer] = cleanFlow({}, ['root', 'assertion']);
    const signedRequest = redirectEntry('SAMLRequest', authnRequest(), SSO, at(-2), { relayState: 'rs-1', sign: true });
    const ra = await judge([signedRequest, answer!], {});
    const rb = await judge(cleanFlow({}, ['assertion']), {});
    const c = comparison(compare(ra, rb));
    expect(c.findings.onlyA.filter((f) => f.rule === 'signature-untrusted').map((f) => f.in)).toContain('AuthnRequest');
    expect(c.summary.headline).toContain('A and B both have signature-untrusted (warning), on different elements (A: /Response; B: /Response/Assertion)');
  });

  it('ranks what explains an error first, then identity and trust, then content, cosmetic last', async () => {
    const ra = await judge([postEntry('SAMLResponse', response({ attributes: [{ name: 'a', values: ['1'] }] }), ACS, at(2), [['RelayState', 'x1']])], { ...TRUST, spEntityId: SP_ENTITY });
    const rb = await judge(
      [postEntry('SAMLResponse', response({ audiences: ['https://elsewhere'], nameId: { value: 'bob@example.test', format: NAMEID.unspecified }, attributes: [{ name: 'a', values: ['2'] }] }), ACS, at(2), [['RelayState', 'x2']])],
      { ...TRUST, spEntityId: SP_ENTITY },
    );
    const c = comparison(compare(ra, rb));
    expect(c.differences.map((d) => [d.field, d.importance])).toEqual([
      ['audience', 'critical'],
      ['nameId.format', 'major'],
      ['attribute', 'minor'],
      ['nameId', 'minor'],
      ['relayState', 'cosmetic'],
    ]);
    expect(c.summary).toMatchObject({ critical: 1, major: 1, minor: 2, cosmetic: 1, differences: 5, matters: true });
    expect(c.summary.headline).toBe(
      'Response › Audience (SP entity ID): https://sp.example.test/metadata → https://elsewhere; this explains why B has audience-mismatch (error) and A has not.',
    );
  });
});

describe('compare: picking and what cannot be compared', () => {
  it('by default the first flow with a Response, or the only message', async () => {
    const lone = await judge([redirectEntry('SAMLRequest', authnRequest())]);
    const trace = await judge([redirectEntry('SAMLRequest', authnRequest({ id: '_lonely' })), ...cleanFlow()]);
    const c = comparison(compare(trace, trace));
    expect(c.a.scope).toBe('flow');
    expect(c.a.messages.map((m) => m.kind)).toContain('Response');
    const single = comparison(compare(lone, lone));
    expect(single.a).toMatchObject({ scope: 'message', messages: [{ index: 0, kind: 'AuthnRequest' }] });
  });

  it('names the problem in words: no message, no such flow or message, no common kind, unrelated logins', async () => {
    const empty = await judge([]);
    const flow = await judge(cleanFlow());
    expect(compare(empty, flow).problem).toMatchObject({ reason: 'no-message', message: 'A (a.har) holds no SAML message to compare.' });
    expect(compare(flow, flow, { flow: 2 }).problem).toMatchObject({ reason: 'no-such-flow', message: 'A (a.har) has 1 flow; there is no flow 2.' });
    expect(compare(flow, flow, { message: 9 }).problem).toMatchObject({ reason: 'no-such-message' });
    const request = await judge([redirectEntry('SAMLRequest', authnRequest())]);
    const resp = await judge([postEntry('SAMLResponse', response())]);
    expect(compare(resp, request).problem?.reason).toBe('no-common-kind');
    const other = await judge([postEntry('SAMLResponse', response({ issuer: 'https://idp.other', audiences: ['https://sp.other'] }))]);
    expect(compare(resp, other).problem?.reason).toBe('unrelated');
    expect(comparison(compare(resp, other, { auto: true }, { auto: true }, true)).notes.join(' ')).toMatch(/different applications/);
  });

  it('never throws, even on a report that is not one', () => {
    const broken = { messages: [{ kind: 'Response' }], flows: null } as unknown as Report;
    const out = compare(broken, broken);
    expect(out.problem?.message).toMatch(/unexpectedly|no /);
  });
});

describe('compare: pseudonyms, redaction and Markdown', () => {
  it('pseudonyms on both sides are compared as values; on one side only, personal values are left out', async () => {
    const pseudo = (v: string) => ({ nameId: { value: v, format: NAMEID.email }, attributes: [{ name: 'mail', values: [v] }] });
    const both = await responses(pseudo('user1@example.invalid'), pseudo('user2@example.invalid'));
    expect([both.a.pseudonymised, both.b.pseudonymised]).toEqual([true, true]);
    expect(fields(both)).toEqual(expect.arrayContaining(['nameId', 'attribute']));
    expect(both.notes[0]).toMatch(/^Both sides are pseudonymised/);
    const one = await responses(pseudo('alice@example.test'), pseudo('user1@example.invalid'));
    expect(one.b.pseudonymised).toBe(true);
    expect(one.differences).toEqual([]);
    expect(one.notes[0]).toMatch(/^Only B is pseudonymised/);
    expect(JSON.stringify(one.same)).not.toContain('alice@example.test');
  });

  it('a shared report pseudonymises both sides with one table, so the change stays visible', async () => {
    const ra = await judge([postEntry('SAMLResponse', response({ nameId: { value: 'alice@example.test', format: NAMEID.email } }))]);
    const rb = await judge([postEntry('SAMLResponse', response({ nameId: { value: 'bob@example.test', format: NAMEID.email } }))]);
    const c = comparison(compare(ra, rb));
    const shared = redactComparison(c, 'share', [...ra.messages, ...rb.messages]);
    expect(find(shared, 'nameId')).toMatchObject({ a: 'user1@example.invalid', b: 'user2@example.invalid' });
    expect(JSON.stringify(shared)).not.toMatch(/alice@|bob@/);
    expect(shared.summary.headline).toContain('user1@example.invalid → user2@example.invalid');
    expect(redactComparison(c, 'none')).toBe(c);
    expect(find(redactComparison(c, 'support'), 'nameId')!.b).toBe('bob@example.test');
  });

  it('Markdown escapes captured text so it cannot become a link or an image', async () => {
    const c = await responses({ attributes: [{ name: 'x', values: ['ok'] }] }, { attributes: [{ name: 'x', values: ['![pixel](https://evil.test/p.png)'] }] });
    const md = comparisonMarkdown(c, { generatedAt: '2027-03-01T12:00:00Z' });
    expect(md).toContain('Generated 2027-03-01T12:00:00Z');
    expect(md).toContain('!\\[pixel\\](https://evil.test/p.png)');
    expect(md).not.toContain('![pixel](');
  });
});
