// Issue 17, classes 3 and 9: every message or token a document carries is judged, and an unsigned
// WS-Federation / WS-Trust token is an error.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../lib/core/analyze';
import type { MessageReport, Report } from '../../../lib/core/model';
import { buildAssertion } from '../../../lib/samlgen';
import { WST_13, WST_2005, rstr, rstrc, signed11, token11, token20, wsignin } from '../../fixtures/forgeries/wstrust';
import { TRUST, response } from './build';
import { soapBody } from './cases/xml';

async function check(text: string): Promise<Report> {
  return (await analyzeText(text, TRUST)).report;
}

const rules = (m: MessageReport | undefined, severity = 'error') => (m?.findings ?? []).filter((f) => f.severity === severity).map((f) => f.rule);
const statuses = (m: MessageReport | undefined) => (m?.signatures ?? []).map((s) => [s.target, s.status]);

const forged = () => response({ id: '_forged', assertionId: '_forged-a', nameId: { value: 'mallory@example.test' } }, []);

describe('a SOAP Body with a genuine and a forged message', () => {
  it('gives one report per message, each judged only on what lies inside it', async () => {
    const report = await check(soapBody(response({}, ['assertion']), forged()));
    expect(report.messages.map((m) => [m.kind, m.path, m.nameId?.value])).toEqual([
      ['Response', '/Envelope/Body/Response[1]', 'alice@example.test'],
      ['Response', '/Envelope/Body/Response[2]', 'mallory@example.test'],
    ]);
    const [genuine, fake] = report.messages;
    expect(statuses(genuine)).toEqual([['/Envelope/Body/Response[1]/Assertion', 'valid']]);
    // The genuine signature is the other message's: it neither shows nor counts here.
    expect(statuses(fake)).toEqual([]);
    expect(rules(fake)).toEqual(expect.arrayContaining(['message-unsigned', 'message-multiple']));
    expect(rules(genuine)).toEqual(['message-multiple']);
  });

  it('names the container and every message in it', async () => {
    const report = await check(soapBody(response(), forged()));
    const f = report.messages[1]!.findings.find((x) => x.rule === 'message-multiple')!;
    expect(f.message).toContain('The SOAP Body at /Envelope/Body carries 2 messages');
    expect(f.message).toContain('/Envelope/Body/Response[1], /Envelope/Body/Response[2]');
    expect(f.location).toBe('/Envelope/Body/Response[2]');
  });

  it('judges a non-SAML element beside a genuine message as a message that is not SAML', async () => {
    const report = await check(soapBody(response(), '<x:Order xmlns:x="urn:shop"/>'));
    expect(report.messages.map((m) => [m.kind, m.path])).toEqual([
      ['Response', '/Envelope/Body/Response'],
      ['Unknown', '/Envelope/Body/Order'],
    ]);
    expect(rules(report.messages[1])).toEqual(expect.arrayContaining(['not-saml', 'message-multiple']));
    expect(statuses(report.messages[1])).toEqual([]);
  });

  it('refuses both when the forged message copies the genuine one\'s IDs', async () => {
    const copy = forged().replace('_forged-a', '_a1b2c3d4e5f60718293a4b5c6d7e8f90').replace('"_forged"', '"_r1b2c3d4e5f60718293a4b5c6d7e8f90"');
    const report = await check(soapBody(response(), copy));
    for (const m of report.messages) expect(m.signatures.map((s) => s.status)).not.toContain('valid');
    expect(rules(report.messages[0])).toContain('signature-wrapping');
  });

  it('stays as it was for one message in the Body: no sibling finding', async () => {
    const report = await check(soapBody(response()));
    expect(report.messages).toHaveLength(1);
    expect(report.messages[0]!.path).toBe('/Envelope/Body/Response');
    expect(rules(report.messages[0])).toEqual([]);
  });
});

describe('an ArtifactResponse with two messages', () => {
  const artifactResponse = (...inner: string[]) =>
    soapBody(
      `<samlp:ArtifactResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_ar" Version="2.0" InResponseTo="_resolve" IssueInstant="2027-03-01T10:00:00Z"><saml:Issuer>https://idp.example.test/metadata</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${inner.map((m) => m.replace(/^<\?xml[^>]*\?>/, '')).join('')}</samlp:ArtifactResponse>`,
    );

  it('is an error naming each message and what signs it', async () => {
    const report = await check(artifactResponse(response({}, ['assertion']), forged()));
    expect(report.messages).toHaveLength(1);
    const f = report.messages[0]!.findings.find((x) => x.rule === 'message-multiple');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('/Envelope/Body/ArtifactResponse/Response[1] (signed, and the signature verifies)');
    expect(f?.message).toContain('/Envelope/Body/ArtifactResponse/Response[2] (not signed)');
  });

  it('says when the second message carries a signature that does not verify', async () => {
    const edited = response({ id: '_other', assertionId: '_other-a' }, ['assertion']).replace('alice@example.test', 'mallory@example.test');
    const report = await check(artifactResponse(response({}, ['assertion']), edited));
    const f = report.messages[0]!.findings.find((x) => x.rule === 'message-multiple');
    expect(f?.message).toContain('/Envelope/Body/ArtifactResponse/Response[2] (its signature is invalid)');
  });

  it('is quiet with one message', async () => {
    const report = await check(artifactResponse(response({}, ['assertion'])));
    expect(report.messages[0]!.findings.map((x) => x.rule)).not.toContain('message-multiple');
  });

  it('says that nothing vouches for a carried Response signed nowhere, and nothing when the Response or its assertion is signed', async () => {
    const unsigned = await check(artifactResponse(forged()));
    const f = unsigned.messages[0]!.findings.find((x) => x.rule === 'message-unsigned');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toMatch(/back channel/);
    expect(unsigned.summary.verdict?.level).not.toBe('ok');
    for (const signed of [['assertion'], ['root']] as const) {
      const report = await check(artifactResponse(response({}, [...signed])));
      expect(report.messages[0]!.findings.map((x) => x.rule), signed[0]).not.toContain('message-unsigned');
    }
  });
});

describe('WS-Trust responses with several tokens', () => {
  it('judge every RSTR of a collection; genuine tokens side by side are no error', async () => {
    const report = await check(rstrc([token20('_t1', 'alice@example.test', 'idp')], [token20('_t2', 'bob@example.test', 'idp')]));
    expect(report.messages.map((m) => [m.kind, m.nameId?.value, m.signatures.map((s) => s.status)])).toEqual([
      ['Assertion', 'alice@example.test', ['valid']],
      ['Assertion', 'bob@example.test', ['valid']],
    ]);
    expect(report.messages.flatMap((m) => rules(m))).toEqual([]);
  });

  it('make an unsigned token beside a signed one an error of its own', async () => {
    const report = await check(rstrc([token20('_t1', 'alice@example.test', 'idp')], [token20('_t2', 'mallory@example.test')]));
    expect(rules(report.messages[0])).toEqual([]);
    expect(rules(report.messages[1])).toEqual(['message-unsigned']);
    expect(report.messages[1]!.path).toBe('/RequestSecurityTokenResponseCollection/RequestSecurityTokenResponse[2]/RequestedSecurityToken/Assertion');
  });

  it('make two tokens in one RequestedSecurityToken an error, and judge the edited one', async () => {
    const genuine = signed11(token11('_w1', 'carol@example.test'));
    const edited = genuine.replace('AssertionID="_w1"', 'AssertionID="_w2"').replaceAll('carol@example.test', 'mallory@example.test');
    const report = await check(wsignin(rstr(WST_2005, genuine, edited)));
    expect(report.messages.map((m) => m.binding)).toEqual(['WS-Fed', 'WS-Fed']);
    expect(rules(report.messages[0])).toEqual(['message-multiple']);
    expect(rules(report.messages[1])).toEqual(expect.arrayContaining(['message-multiple', 'signature-wrapping']));
    expect(report.messages[1]!.signatures.map((s) => s.status)).toEqual(['unchecked']);
  });
});

describe('unsigned WS-Federation and WS-Trust tokens', () => {
  it('are an error in a WS-Federation wresult (SAML 1.1)', async () => {
    const report = await check(wsignin(rstr(WST_2005, token11('_u1', 'mallory@example.test'))));
    const f = report.messages[0]!.findings.find((x) => x.rule === 'message-unsigned');
    expect(f).toMatchObject({ severity: 'error', message: expect.stringContaining('SAML 1.1 token in the WS-Federation wresult is not signed') });
  });

  it('are an error in a WS-Trust response (SAML 2.0)', async () => {
    const report = await check(rstrc([token20('_u2', 'mallory@example.test')]));
    const f = report.messages[0]!.findings.find((x) => x.rule === 'message-unsigned');
    expect(f).toMatchObject({ severity: 'error', message: expect.stringContaining('SAML 2.0 token in the WS-Trust response is not signed') });
  });

  it('are an error when wresult carries the token without an RSTR around it', async () => {
    const report = await check(wsignin(token20('_u3', 'mallory@example.test')));
    expect(rules(report.messages[0])).toContain('message-unsigned');
  });

  it('are no error when signed', async () => {
    const report = await check(wsignin(rstr(WST_13, signed11(token11('_s1', 'carol@example.test')))));
    expect(rules(report.messages[0])).toEqual([]);
    expect(report.messages[0]!.signatures.map((s) => s.status)).toEqual(['valid']);
  });

  it('leave a bare assertion pasted on its own a warning', async () => {
    const report = await check(buildAssertion({ assertionId: '_bare' }));
    expect(rules(report.messages[0])).toEqual([]);
    expect(rules(report.messages[0], 'warning')).toContain('message-unsigned');
  });
});
