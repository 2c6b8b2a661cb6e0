import { describe, expect, it } from 'vitest';
import { analyze, analyzeText } from '../../../lib/core/analyze';
import { buildLogoutRequest, buildLogoutResponse, NAMEID, STATUS } from '../../../lib/samlgen';
import type { TraceEntry } from '../../../lib/core/model';
import { ACS, IDP_ENTITY, SP_ENTITY, SSO, TRUST, at, authnRequest, cleanFlow, idpKey, postEntry, redirectEntry, response } from '../rules/build';
import { artifactFor } from '../rules/cases/xml';
import { errors, findingsOf, allFindings } from '../rules/find';

const SLO_IDP = 'https://idp.example.test/slo';
const SLO_SP = 'https://sp.example.test/slo';

function logoutPair(): TraceEntry[] {
  const request = buildLogoutRequest({ id: '_lo1', issueInstant: at(60), destination: SLO_IDP, issuer: SP_ENTITY });
  const answer = buildLogoutResponse({ id: '_lr1', inResponseTo: '_lo1', issueInstant: at(61), destination: SLO_SP, issuer: IDP_ENTITY });
  return [
    redirectEntry('SAMLRequest', request, SLO_IDP, at(60), { sign: true }),
    redirectEntry('SAMLResponse', answer, SLO_SP, at(62), { sign: true, key: idpKey }),
  ];
}

describe('flows across a trace', () => {
  it('groups an SP-initiated Redirect + POST login into one clean flow', async () => {
    const report = await analyze(cleanFlow(), TRUST);
    // No HTTP status was captured and the IdP is a test one: outcome and product are unknown, and say so.
    expect(report.flows).toEqual([
      { id: 'flow-1', messages: [0, 1], kind: 'sp-initiated', idp: { product: 'unknown', evidence: [] }, outcome: 'unknown', verdict: { level: 'ok', text: 'OK: nothing to fix.' } },
    ]);
    expect(report.messages.map((m) => [m.kind, m.binding, m.direction, m.flow])).toEqual([
      ['AuthnRequest', 'HTTP-Redirect', 'to-idp', 'flow-1'],
      ['Response', 'HTTP-POST', 'to-sp', 'flow-1'],
    ]);
    expect(allFindings(report)).toEqual([]);
    expect(report.messages[1]!.signatures.map((s) => s.status)).toEqual(['valid', 'valid']);
  });

  it('treats an unsolicited Response as its own IdP-initiated flow: a warning, not an error', async () => {
    const report = await analyze([postEntry('SAMLResponse', response({ inResponseTo: undefined }))], TRUST);
    expect(report.flows.map((f) => f.kind)).toEqual(['idp-initiated']);
    expect(findingsOf(report, 'unsolicited-response').map((f) => f.severity)).toEqual(['warning']);
    expect(errors(report)).toEqual([]);
  });

  it('pairs a LogoutRequest with its LogoutResponse and knows who sent which', async () => {
    const report = await analyze([...cleanFlow(), ...logoutPair()], TRUST);
    expect(report.flows.map((f) => [f.kind, f.messages])).toEqual([
      ['sp-initiated', [0, 1]],
      ['logout', [2, 3]],
    ]);
    expect(report.messages.slice(2).map((m) => [m.kind, m.direction])).toEqual([
      ['LogoutRequest', 'to-idp'],
      ['LogoutResponse', 'to-sp'],
    ]);
    expect(findingsOf(report, 'in-response-to-mismatch')).toEqual([]);
    expect(errors(report)).toEqual([]);
  });

  it('reports a LogoutResponse answering a request that is not in the trace', async () => {
    const [request, answer] = logoutPair();
    const other = buildLogoutRequest({ id: '_loX', issueInstant: at(60), destination: SLO_IDP, issuer: SP_ENTITY });
    const report = await analyze([redirectEntry('SAMLRequest', other, SLO_IDP, at(60), { sign: true }), answer!], TRUST);
    expect(request).toBeDefined();
    const found = findingsOf(report, 'in-response-to-mismatch');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('"_lo1" matches none of the 1 LogoutRequest');
  });

  it('explains an error status with its nested code and still groups the flow', async () => {
    const entries = [
      redirectEntry('SAMLRequest', authnRequest({ nameIdPolicyFormat: NAMEID.email }), SSO, at(-2)),
      postEntry(
        'SAMLResponse',
        response({ status: { code: STATUS.requester, subCode: 'urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy', message: 'MSIS7070' } }, ['root']),
      ),
    ];
    const report = await analyze(entries, TRUST);
    expect(report.flows).toHaveLength(1);
    const r = report.messages[1]!;
    expect(r.status?.subCodes).toEqual(['urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy']);
    expect(r.status?.explanation).toMatch(/Requester \/ InvalidNameIDPolicy: The IdP cannot produce a NameID/);
    expect(r.status?.explanation).toContain('MSIS7070');
    const status = findingsOf(report, 'status-error');
    expect(status.map((f) => f.severity)).toEqual(['error']);
    // A failed Response carries no assertion: that is not a second problem.
    expect(findingsOf(report, 'assertion-missing')).toEqual([]);
  });

  it('ties an artifact to its request by RelayState and matches its SourceID', async () => {
    const artifact = artifactFor(IDP_ENTITY);
    const entries: TraceEntry[] = [
      redirectEntry('SAMLRequest', authnRequest(), SSO, at(-2), { relayState: 'rs-9' }),
      { id: 'art', source: 'har', method: 'GET', url: `${ACS}?SAMLart=${encodeURIComponent(artifact)}&RelayState=rs-9`, requestHeaders: [], responseHeaders: [], capturedAt: at(2) },
    ];
    const report = await analyze(entries, { idpEntityId: IDP_ENTITY });
    expect(report.flows.map((f) => [f.kind, f.messages])).toEqual([['artifact', [0, 1]]]);
    expect(report.messages[1]!.kind).toBe('Artifact');
    expect(report.messages[1]!.artifact?.matchedEntityId).toBe(IDP_ENTITY);
    expect(findingsOf(report, 'artifact-source-unknown')).toEqual([]);
  });

  it('keeps a request the IdP carries again after its login form in the same flow, without a clock warning', async () => {
    const request = authnRequest();
    const entries = [
      redirectEntry('SAMLRequest', request, SSO, at(-2)),
      // AD FS posts its login form back to /adfs/ls/?SAMLRequest=... minutes later.
      redirectEntry('SAMLRequest', request, SSO, at(400)),
      postEntry('SAMLResponse', response({ issueInstant: at(401) }), ACS, at(402)),
    ];
    const report = await analyze(entries, TRUST);
    expect(report.flows.map((f) => f.messages)).toEqual([[0, 1, 2]]);
    expect(findingsOf(report, 'clock-skew')).toEqual([]);
    expect(errors(report)).toEqual([]);
  });

  it('compares InResponseTo with the right one of several captured requests', async () => {
    const entries = [
      redirectEntry('SAMLRequest', authnRequest({ id: '_first' }), SSO, at(-30)),
      redirectEntry('SAMLRequest', authnRequest({ id: '_second' }), SSO, at(-2)),
      postEntry('SAMLResponse', response({ inResponseTo: '_second' })),
    ];
    const report = await analyze(entries, TRUST);
    expect(report.flows.map((f) => f.messages)).toEqual([[0], [1, 2]]);
    expect(findingsOf(report, 'in-response-to-mismatch')).toEqual([]);
  });

  it('checks Destination against an ACS URL that carries its own query', async () => {
    const acs = 'https://sp.example.test/?so=00D000000000001';
    const entries = [postEntry('SAMLResponse', response({ inResponseTo: undefined, destination: acs }), acs)];
    const report = await analyze(entries, { ...TRUST, acsUrl: acs });
    expect(findingsOf(report, 'destination-mismatch')).toEqual([]);
    expect(findingsOf(report, 'recipient-mismatch')).toEqual([]);
  });

  it('says the envelope is unprotected when only the assertion is signed', async () => {
    const report = await analyze(cleanFlow({ destination: 'https://evil.example.test/acs' }, ['assertion']), TRUST);
    const [destination] = findingsOf(report, 'destination-mismatch');
    expect(destination?.message).toContain('not protected by any signature');
    expect(destination?.location).toBe('/Response');
  });

  it('reads a whole HAR file and judges times at each entry\'s startedDateTime', async () => {
    const [req, resp] = cleanFlow();
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'test', version: '1' },
        entries: [req!, resp!].map((e) => ({
          startedDateTime: e.capturedAt,
          request: {
            method: e.method,
            url: e.url,
            headers: [],
            queryString: [],
            postData: e.formFields
              ? { mimeType: 'application/x-www-form-urlencoded', text: e.formFields.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'), params: e.formFields.map(([name, value]) => ({ name, value: encodeURIComponent(value) })) }
              : undefined,
          },
          response: { status: 200, headers: [], content: { size: 0, mimeType: 'text/html' } },
        })),
      },
    };
    const { input, report } = await analyzeText(JSON.stringify(har), TRUST);
    expect(input.format).toBe('har');
    expect(report.messages.map((m) => m.kind)).toEqual(['AuthnRequest', 'Response']);
    expect(report.flows).toHaveLength(1);
    expect(allFindings(report)).toEqual([]);
  });
});

describe('time conditions', () => {
  it('judges against the capture time, not the current time', async () => {
    // T0 is in 2027; the real clock does not matter.
    const report = await analyze(cleanFlow(), { ...TRUST, now: () => new Date('2030-01-01T00:00:00Z') });
    expect(findingsOf(report, 'assertion-expired')).toEqual([]);
    expect(report.summary.at).toBe('capture');
  });

  it('judges against now only when asked, using the injected clock', async () => {
    const report = await analyze(cleanFlow(), { ...TRUST, at: 'now', now: () => new Date('2030-01-01T00:00:00Z') });
    const expired = findingsOf(report, 'assertion-expired');
    expect(expired.length).toBeGreaterThan(0);
    expect(expired[0]!.message).toContain('now (2030-01-01T00:00:00.000Z)');
  });

  it('judges against a chosen ISO instant', async () => {
    const report = await analyze(cleanFlow(), { ...TRUST, at: '2027-03-01T09:00:00Z' });
    expect(findingsOf(report, 'assertion-not-yet-valid').length).toBeGreaterThan(0);
    expect(report.summary.at).toBe('2027-03-01T09:00:00.000Z');
  });

  it('honours a configured clock skew', async () => {
    const late = [postEntry('SAMLResponse', response(), ACS, at(300 + 100))];
    expect(findingsOf(await analyze(late, TRUST), 'assertion-expired')).toEqual([]);
    expect(findingsOf(await analyze(late, { ...TRUST, clockSkewSeconds: 30 }), 'assertion-expired').length).toBeGreaterThan(0);
  });

  it('does not judge a pasted message against now, but still checks it was valid when issued', async () => {
    const { report } = await analyzeText(response(), TRUST);
    expect(findingsOf(report, 'time-reference-missing').map((f) => f.severity)).toEqual(['info']);
    expect(findingsOf(report, 'assertion-expired')).toEqual([]);
    const broken = await analyzeText(response({ notBefore: at(-900), notOnOrAfter: at(-600), subjectNotOnOrAfter: at(-600) }), TRUST);
    expect(findingsOf(broken.report, 'assertion-expired')[0]?.message).toMatch(/IssueInstant .* \(there is no capture time\)/);
  });

  it('does not treat a SAML-tracer export time as the capture time', async () => {
    const [req, resp] = cleanFlow();
    const tracer = {
      timestamp: '2027-06-01T00:00:00Z',
      requests: [req!, resp!].map((e, i) => ({
        method: e.method,
        url: e.url,
        requestId: String(i),
        requestHeaders: [],
        get: [],
        post: e.formFields ?? [],
        protocol: 'SAML-P',
        saml: null,
        responseStatus: 200,
        responseHeaders: [],
      })),
    };
    const { report } = await analyzeText(JSON.stringify(tracer), TRUST);
    expect(report.messages.map((m) => m.kind)).toEqual(['AuthnRequest', 'Response']);
    expect(findingsOf(report, 'assertion-expired')).toEqual([]);
    expect(findingsOf(report, 'time-reference-missing')[0]?.message).toContain('SAML-tracer');
  });
});
