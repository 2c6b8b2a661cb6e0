// Issue 9: one finding per cause, and a verdict per flow and per trace that names the highest-ranked cause
// with the fix for the recognised IdP. Messages are generated and signed with the test keys (lib/samlgen).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import type { Finding } from '../../../lib/core/model';
import { getRule } from '../../../lib/core/rules';
import { STATUS } from '../../../lib/samlgen';
import { findingFix, groupFindings, linkCauses } from '../../../lib/core/verdict';
import { TRUST, at, cleanFlow, postEntry, response, rogueKey } from '../rules/build';
import { FLEX_FLOW, FLEX_OPTIONS } from './flex';
const f = (rule: string, severity: Finding['severity'], extra: Partial<Finding> = {}): Finding => ({ rule, severity, message: `${rule} here.`, ...extra });

describe('grouping: one finding per rule and message', () => {
  it('groups two instances of one rule under one finding, worst severity, each instance kept with its place', () => {
    const grouped = groupFindings([
      f('assertion-expired', 'warning', { location: '/Response/Assertion/Conditions', message: 'Conditions expired.' }),
      f('clock-skew', 'warning'),
      f('assertion-expired', 'error', { location: '/Response/Assertion/Subject/SubjectConfirmation', message: 'Confirmation expired.' }),
    ]);
    expect(grouped.map((g) => g.rule)).toEqual(['assertion-expired', 'clock-skew']);
    const expired = grouped[0]!;
    expect(expired.severity).toBe('error');
    expect(expired.location).toBe('/Response/Assertion/Conditions');
    expect(expired.instances?.map((i) => [i.message, i.location])).toEqual([
      ['Conditions expired.', '/Response/Assertion/Conditions'],
      ['Confirmation expired.', '/Response/Assertion/Subject/SubjectConfirmation'],
    ]);
    expect(expired.message).toBe('Assertion expired: 2 instances (Conditions, SubjectConfirmation).');
    // A single finding is left as it was: no instances field.
    expect(grouped[1]).toEqual(f('clock-skew', 'warning'));
    // Grouping again (a stored trace judged again) changes nothing.
    expect(groupFindings(grouped)).toEqual(grouped);
  });

  it('links a consequence to its cause without lowering its severity, and never to a lighter cause', () => {
    const linked = linkCauses([f('signature-untrusted', 'error'), f('message-unsigned', 'error', { message: 'The Response carries a signature, but none counts.' })]);
    expect(linked.map((x) => [x.rule, x.severity, x.causedBy])).toEqual([
      ['signature-untrusted', 'error', undefined],
      ['message-unsigned', 'error', 'signature-untrusted'],
    ]);
    const lighter = linkCauses([f('signature-untrusted', 'warning'), f('message-unsigned', 'error', { message: 'The Response carries a signature, but none counts.' })]);
    expect(lighter[1]!.causedBy).toBeUndefined();
    // A message with no signature at all is unsigned on its own account.
    const bare = linkCauses([f('signature-untrusted', 'error'), f('message-unsigned', 'error', { message: 'Neither the Response nor its Assertion is signed.' })]);
    expect(bare[1]!.causedBy).toBeUndefined();
  });
});

describe('verdicts', () => {
  it('a clean, trusted flow is plainly OK', async () => {
    const report = await analyze(cleanFlow(), TRUST);
    expect(report.flows[0]!.verdict).toEqual({ level: 'ok', text: 'OK: nothing to fix.' });
    expect(report.summary.verdict).toEqual(report.flows[0]!.verdict);
  });

  it('Entra ID claims under Twilio Flex: the namespaced claims and the Entra ID fix, one error counted', async () => {
    const report = await analyze(FLEX_FLOW(), FLEX_OPTIONS);
    const v = report.summary.verdict!;
    expect(v.level).toBe('error');
    expect(v.rule).toBe('attribute-namespaced');
    expect(v.cause).toBe('2 required claims are namespaced (emailaddress → email; displayname, name → full_name)');
    expect(v.fixFor).toBe('entra-id');
    expect(v.fix).toBe(getRule('attribute-namespaced')!.fix['entra-id']);
    expect(v.text).toBe(`Error: ${v.cause}. Fix in Microsoft Entra ID: ${v.fix}`);
    const m = report.messages[0]!;
    // email and full_name are there under URIs: told under attribute-namespaced, still errors. roles has no
    // lookalike at all here: a cause of its own.
    const missing = m.findings.filter((x) => x.rule === 'attribute-missing');
    expect(missing.map((x) => [x.causedBy, x.severity, x.instances?.map((i) => i.attribute) ?? [x.attribute]])).toEqual([
      ['attribute-namespaced', 'error', ['email', 'full_name']],
      [undefined, 'error', ['roles']],
    ]);
    expect(report.summary.errors).toBe(m.findings.filter((x) => x.severity === 'error' && !x.causedBy).length);
  });

  it('ranks a forged signature before an expired assertion, and says how many flows failed', async () => {
    const forged = postEntry('SAMLResponse', response({ id: '_forged1', assertionId: '_forged2', inResponseTo: undefined, notOnOrAfter: at(-600), subjectNotOnOrAfter: at(-600) }, ['root', 'assertion'], rogueKey));
    const report = await analyze([...cleanFlow(), forged], TRUST);
    const failing = report.flows.find((fl) => fl.verdict?.level === 'error')!;
    expect(failing.verdict!.rule).toBe('signature-untrusted');
    expect(failing.verdict!.text).toMatch(/^Not trustworthy: /);
    expect(report.summary.verdict!.text).toMatch(/^Not trustworthy \(1 of 2 flows failed\): /);
    expect(report.summary.verdict!.flows).toEqual({ total: 2, failed: 1, warned: 0 });
  });

  it('ranks an error status before a clock warning, with the fix of the code present only', async () => {
    const refused = response({ status: { code: STATUS.responder, subCode: 'urn:oasis:names:tc:SAML:2.0:status:RequestDenied', message: 'not assigned' }, issueInstant: at(-900) }, ['root']);
    const report = await analyze([postEntry('SAMLResponse', refused)], TRUST);
    const v = report.summary.verdict!;
    expect(v.rule).toBe('status-error');
    expect(v.text).toContain('RequestDenied');
    expect(v.fix).not.toMatch(/InvalidNameIDPolicy|AuthnFailed|NoAuthnContext/);
    const status = report.messages[0]!.findings.find((x) => x.rule === 'status-error')!;
    const adfs = findingFix(status, 'adfs', report.messages[0]!.status)!;
    expect(adfs.first.text).not.toContain('InvalidNameIDPolicy');
  });
});
