// What counts as "signed" in every rule (issue 17, class 1): only a signature that verifies with what the user
// trusts, or, when nothing is trusted, one that is at least intact. Refused, invalid and unchecked never count.
import { describe, expect, it } from 'vitest';
import { analyze, analyzeText } from '../../../lib/core/analyze';
import type { AnalyzeOptions } from '../../../lib/core/model';
import { buildAssertion, signXml } from '../../../lib/samlgen';
import { ACS, TRUST, idpKey, postEntry, response, rogueKey } from './build';
import { encryptedResponse } from './cases/xml';
import { findingsOf } from './find';

const RESPONSE_ID = '_r1b2c3d4e5f60718293a4b5c6d7e8f90';

async function judge(xml: string, options: AnalyzeOptions = TRUST) {
  const report = await analyze([postEntry('SAMLResponse', xml)], { acsUrl: ACS, ...options });
  const errors = [...report.findings, ...report.messages.flatMap((m) => m.findings)].filter((f) => f.severity === 'error').map((f) => f.rule);
  return { report, errors, message: report.messages[0]! };
}

describe('a signature counts as signed', () => {
  it('when it verifies with the trusted certificate', async () => {
    const { errors } = await judge(response({}, ['assertion']));
    expect(errors).toEqual([]);
  });

  it('when nothing is trusted and it is intact: not a forgery signal by itself, only a warning about the signer', async () => {
    const { report, errors } = await judge(response({}, ['assertion'], rogueKey), {});
    expect(errors).toEqual([]);
    expect(findingsOf(report, 'signature-untrusted').map((f) => f.severity)).toEqual(['warning']);
    expect(findingsOf(report, 'response-unsigned')[0]?.message).toMatch(/only its Assertion's signature counts/);
  });

  it('not when a trusted certificate is configured and another key made it', async () => {
    const { report, errors } = await judge(response({}, ['assertion'], rogueKey));
    expect(errors).toEqual(['signature-untrusted', 'message-unsigned']);
    expect(findingsOf(report, 'message-unsigned')[0]?.message).toMatch(/carries a signature, but none counts/);
    expect(findingsOf(report, 'response-unsigned')).toEqual([]);
  });

  it('never when it does not verify: a Response whose only signature is invalid is an error of its own', async () => {
    const edited = response({}, ['assertion']).replace('alice@example.test', 'mallory@example.test');
    for (const options of [TRUST, {}] as AnalyzeOptions[]) {
      const { errors } = await judge(edited, options);
      expect(errors).toEqual(['signature-invalid', 'message-unsigned']);
    }
  });

  it('never when it is refused (the assertion reuses the Response ID), in every configuration', async () => {
    const xml = response({ assertionId: RESPONSE_ID }, ['assertion'], idpKey);
    for (const options of [TRUST, {}] as AnalyzeOptions[]) {
      const { errors, message } = await judge(xml, options);
      expect(message.signatures.map((s) => s.status)).toEqual(['unchecked']);
      expect(errors).toContain('signature-wrapping');
      expect(errors).toContain('message-unsigned');
    }
  });

  it('never when it cannot be checked at all (no certificate trusted, none in the message)', async () => {
    const xml = response({}, ['assertion']).replace(/<ds:KeyInfo>[\s\S]*?<\/ds:KeyInfo>/, '');
    const { errors, message } = await judge(xml, {});
    expect(message.signatures.map((s) => s.failure)).toEqual(['no-key']);
    expect(errors).toEqual(['message-unsigned']);
  });

  it('the Response signature still counts when the Assertion carries one that does not, and the wording says which', async () => {
    const assertionByRogue = signXml(response({}, []), { key: rogueKey, targets: ['assertion'] });
    const { report, errors } = await judge(signXml(assertionByRogue, { key: idpKey, targets: ['root'] }));
    expect(errors).toEqual(['signature-untrusted']);
    expect(findingsOf(report, 'assertion-unsigned')[0]?.message).toMatch(/^The Assertion's own signature does not count/);
  });

  it('nothing counts when the Response is unsigned and its assertion encrypted with no SP key given: a warning, never "OK"', async () => {
    const unsigned = encryptedResponse().replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/, '');
    const { report, errors } = await judge(unsigned);
    expect(errors).toEqual([]);
    expect(findingsOf(report, 'response-unsigned').map((f) => f.severity)).toEqual(['warning']);
    expect(findingsOf(report, 'response-unsigned')[0]?.message).toMatch(/nothing in this message could be verified/);
    expect(report.summary.verdict?.level).toBe('warning');
    // The same encrypted assertion in a signed Response: the envelope is vouched for, only inspection needs the key.
    expect(findingsOf((await judge(encryptedResponse())).report, 'response-unsigned')).toEqual([]);
  });
});

describe('a bare unsigned assertion', () => {
  const assertion = buildAssertion({ nameId: { value: 'admin@example.test' } });

  it('posted to an SP as its SAMLResponse is an error: nothing around it is signed either', async () => {
    const report = await analyze([postEntry('SAMLResponse', assertion, ACS)], TRUST);
    const f = findingsOf(report, 'message-unsigned');
    expect(f.map((x) => x.severity)).toEqual(['error']);
    expect(f[0]!.message).toContain('delivered as SAMLResponse');
  });

  it('pasted on its own (an excerpt to look at) stays a warning', async () => {
    const { report } = await analyzeText(assertion, TRUST);
    expect(findingsOf(report, 'message-unsigned').map((x) => x.severity)).toEqual(['warning']);
  });
});
