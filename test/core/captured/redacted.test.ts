// A redaction mark and captured verdicts are claims (issue 17, class 7): analyze checks every message, and shows
// what the file captured only where redaction really changed signed bytes, never as valid.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import { asClaim, AS_CAPTURED } from '../../../lib/core/captured';
import type { SignatureVerdict, TraceEntry } from '../../../lib/core/model';
import { ACS, TRUST, postEntry, response, rogueKey } from '../rules/build';

const CLAIM: SignatureVerdict = { target: '/Response', targetKind: 'Response', form: 'xml', status: 'valid', reason: 'verified with the trusted certificate' };
const claims = (n: number): SignatureVerdict[] => [CLAIM, { ...CLAIM, target: '/Response/Assertion', targetKind: 'Assertion' }].slice(0, n);

function marked(xml: string, verdicts?: SignatureVerdict[]): TraceEntry {
  const e = postEntry('SAMLResponse', xml);
  return { ...e, redacted: true, ...(verdicts ? { capturedSignatures: [{ parameter: 'SAMLResponse', verdicts }] } : {}) };
}

async function judge(entry: TraceEntry, options: object = TRUST) {
  const report = await analyze([entry], { acsUrl: ACS, ...options });
  const m = report.messages[0]!;
  return { m, errors: m.findings.filter((f) => f.severity === 'error').map((f) => f.rule), statuses: m.signatures.map((s) => s.status) };
}

describe('asClaim', () => {
  it('never says valid, keeps what the file said in words, and is idempotent', () => {
    const c = asClaim(CLAIM);
    expect(c).toMatchObject({ status: 'untrusted', captured: true, target: '/Response' });
    expect(c.reason).toBe(`${AS_CAPTURED} (the file says: valid, verified with the trusted certificate)`);
    expect(asClaim(c)).toEqual(c);
    expect(asClaim({ ...CLAIM, status: 'invalid' }).status).toBe('invalid');
  });
});

describe('a message of an entry marked redacted', () => {
  it('that still verifies is verified: the captured verdicts are not used', async () => {
    const { statuses, errors, m } = await judge(marked(response(), [{ ...CLAIM, status: 'invalid' }, CLAIM]));
    expect(statuses).toEqual(['valid', 'valid']);
    expect(m.signatures.some((s) => s.captured)).toBe(false);
    expect(errors).toEqual([]);
  });

  it("signed with another key is judged as it verifies, whatever the file claims", async () => {
    const { statuses, errors, m } = await judge(marked(response({}, ['root', 'assertion'], rogueKey), claims(2)));
    expect(statuses).toEqual(['untrusted', 'untrusted']);
    // One cause (issue 9): both signatures under one signature-untrusted, and message-unsigned, still an error, told under it.
    expect(errors).toEqual(['signature-untrusted', 'message-unsigned']);
    expect(m.findings[0]!.instances?.map((i) => i.location)).toEqual(['/Response', '/Response/Assertion']);
    expect(m.findings.find((f) => f.rule === 'message-unsigned')?.causedBy).toBe('signature-untrusted');
  });

  it('that is not signed is unsigned, whatever the file claims', async () => {
    const { statuses, errors } = await judge(marked(response({}, []), claims(2)));
    expect(statuses).toEqual([]);
    expect(errors).toEqual(['message-unsigned']);
  });

  it('whose signed content changed shows the claims, never valid; an error when a trusted certificate is configured', async () => {
    const edited = response().replace('alice@example.test', 'alice@redacted.invalid');
    const trusted = await judge(marked(edited, claims(2)));
    expect(trusted.statuses).toEqual(['untrusted', 'untrusted']);
    expect(trusted.m.signatures.every((s) => s.captured && s.reason.startsWith(AS_CAPTURED))).toBe(true);
    expect(trusted.errors).toEqual(['signature-untrusted', 'message-unsigned']);
    expect(trusted.m.findings.find((f) => f.rule === 'signature-untrusted')?.message).toMatch(/redacted after capture.*not verified here/);
    // Without a trusted certificate nothing is verified anyway: the same warning an unknown signer gets.
    const untrusting = await judge(marked(edited, claims(2)), {});
    expect(untrusting.errors).toEqual([]);
    expect(untrusting.m.findings.find((f) => f.rule === 'signature-untrusted')?.severity).toBe('warning');
  });

  it('whose claims name another number of signatures than it carries shows none of them', async () => {
    const edited = response().replace('alice@example.test', 'alice@redacted.invalid');
    const { m, errors } = await judge(marked(edited, claims(1)));
    expect(m.signatures.map((s) => [s.status, s.captured])).toEqual([['unchecked', undefined], ['unchecked', undefined]]);
    expect(m.findings.find((f) => f.rule === 'signature-untrusted')?.message).toMatch(/name 1 signature\(s\), the message carries 2/);
    expect(errors).toContain('message-unsigned');
  });

  it('whose signature is refused keeps the refusal: wrapping is never a redaction artefact', async () => {
    const wrapped = response({ assertionId: '_r1b2c3d4e5f60718293a4b5c6d7e8f90' }, ['assertion']).replace('alice@example.test', 'alice@redacted.invalid');
    const { statuses, errors } = await judge(marked(wrapped, claims(1)));
    expect(statuses).toEqual(['unchecked']);
    expect(errors).toContain('signature-wrapping');
  });
});
