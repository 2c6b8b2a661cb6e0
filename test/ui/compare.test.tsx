// "Compare with…" in the panel and viewer: what can be picked, how a chosen file is judged, and what the
// two-column view shows (differences first, the findings they explain, values as text).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../lib/core/input';
import { redact } from '../../lib/core/trace';
import { analyze } from '../../lib/core/analyze';
import { compareReports, type Comparison } from '../../lib/core/compare';
import type { AnalyzeOptions, Report, TraceEntry } from '../../lib/core/model';
import { NAMEID } from '../../lib/samlgen';
import { ComparisonBody } from '../../lib/ui/components/CompareView';
import { comparisonReport, ruleInfo } from '../../lib/ui/engine';
import { compareChoices, judgeFile, pickFor, selectedSide } from '../../lib/ui/state/compare';
import { cleanFlow, postEntry, response, TRUST } from '../core/rules/build';
import { allHosts, allText, expand } from './expand';
import { msg, report } from './fixtures';

const IMG = '<img src=x onerror=alert(1)>';

/** One capture with two logins (test/fixtures/diff): before and after the IdP's certificate rollover. */
function twoLogins(): Promise<Report> {
  const entries = ['entra-before-rollover.har', 'entra-after-rollover.har'].flatMap((f, i) =>
    readInput(readFileSync(join(import.meta.dirname, '../fixtures/diff', f), 'utf8')).entries.map((e) => ({ ...e, id: `${i}:${e.id}` })),
  );
  return analyze(entries, TRUST);
}

function compared(a: Report, b: Report = a, pickA = { flow: 1 }, pickB = { flow: 2 }): Comparison {
  const out = compareReports({ report: a, input: 'this capture', pick: pickA }, { report: b, input: 'other.har', pick: pickB });
  expect(out.problem).toBeUndefined();
  return out.comparison!;
}

describe('compare: what the other side can be', () => {
  it('every other flow of the capture, with its messages and findings; the selected flow is left out', async () => {
    const r = await twoLogins();
    const selected = r.messages[1]!;
    const flows = compareChoices(r, 'flow', { exclude: selected, kind: selected.kind });
    expect(flows.map((c) => [c.label, c.pick])).toEqual([['#2 SP-initiated login', { flow: 2 }]]);
    // After the rollover the signature is not the trusted certificate's: signature-untrusted, message-unsigned
    // because no signature counts, and sp-refused because the SP's answer refused it.
    expect(flows[0]!.detail).toMatch(/^AuthnRequest, Response · 3 errors · \d\d:\d\d/);
    // From a file nothing is excluded: its first flow is a candidate too.
    expect(compareChoices(r, 'flow').map((c) => c.pick)).toEqual([{ flow: 1 }, { flow: 2 }]);
  });

  it('every other message of the same kind', () => {
    const r = report(
      [msg(0, { kind: 'AuthnRequest' }), msg(1, { flow: 'f1' }), msg(2, { flow: 'f2', issuer: 'https://idp.example.org' })],
      [
        { id: 'f1', messages: [0, 1], kind: 'sp-initiated' },
        { id: 'f2', messages: [2], kind: 'idp-initiated' },
      ],
    );
    const choices = compareChoices(r, 'message', { exclude: r.messages[1], kind: 'Response' });
    expect(choices.map((c) => [c.label, c.pick])).toEqual([['Response 3', { message: 3 }]]);
    expect(choices[0]!.detail).toContain('https://idp.example.org');
  });

  it("the selected side is its flow, numbered as the list numbers it, or the message alone", () => {
    const r = report([msg(0, { flow: 'f2' })], [{ id: 'f1', messages: [], kind: 'other' }, { id: 'f2', messages: [0], kind: 'idp-initiated' }]);
    expect(pickFor(r, r.messages[0]!, 'flow')).toEqual({ flow: 2 });
    expect(pickFor(r, r.messages[0]!, 'message')).toEqual({ message: 1 });
    expect(selectedSide(r, r.messages[0]!, 'flow', 'this capture')).toMatchObject({ input: 'this capture', pick: { flow: 2 } });
    expect(pickFor(report([msg(0, { flow: 'gone' })], []), msg(0, { flow: 'gone' }), 'flow')).toEqual({ message: 1 });
  });
});

describe('compare: a file to compare with', () => {
  const analyse = (entries: TraceEntry[], options: AnalyzeOptions) => analyze(entries, options);

  it('is judged with the same settings as the capture', async () => {
    const seen: AnalyzeOptions[] = [];
    const out = await judgeFile({ format: 'har', entries: cleanFlow(), problems: [] }, TRUST, (e, o) => (seen.push(o), analyse(e, o)));
    expect(seen).toEqual([TRUST]);
    expect(out.report?.messages.map((m) => m.kind)).toEqual(['AuthnRequest', 'Response']);
    expect(out.report?.messages[1]!.signatures.map((s) => s.status)).toEqual(['valid', 'valid']);
  });

  it('says in words why it cannot be compared, and never throws', async () => {
    const empty = await judgeFile({ format: 'unknown', entries: [], problems: [{ rule: 'input-unrecognised', message: 'x.txt: The input is empty.' }] }, {}, analyse);
    expect(empty).toEqual({ problem: 'x.txt: The input is empty.' });
    const noSaml = await judgeFile({ format: 'har', entries: [{ id: '1', source: 'har', method: 'GET', url: 'https://a.test/', requestHeaders: [], responseHeaders: [] }], problems: [] }, {}, analyse);
    expect(noSaml.problem).toMatch(/no SAML message to compare/);
    const broken = await judgeFile({ format: 'har', entries: cleanFlow(), problems: [] }, {}, () => Promise.reject(new Error('worker gone')));
    expect(broken.problem).toBe('The file could not be judged: worker gone');
  });

  it('shows the verdicts a redacted export captured as claims, never "broken" and never valid', async () => {
    const entries = cleanFlow();
    const shared = redact(entries, 'share', { report: await analyze(entries, TRUST) }).entries;
    expect(shared[1]!.redacted).toBe(true);
    const out = await judgeFile({ format: 'trace', entries: shared, problems: [] }, TRUST, analyse);
    expect(out.report!.messages[1]!.signatures.map((s) => `${s.status}${s.captured ? ' captured' : ''}`)).toEqual(['untrusted captured', 'untrusted captured']);
    // Without the captured verdicts the changed bytes are "not checked", never "invalid".
    const bare = shared.map(({ capturedSignatures: _c, ...e }) => e);
    const unchecked = await judgeFile({ format: 'trace', entries: bare, problems: [] }, TRUST, analyse);
    expect(unchecked.report!.messages[1]!.signatures.map((s) => s.status)).toEqual(['unchecked', 'unchecked']);
  });
});

describe('compare: the two-column view', () => {
  it('shows the headline, then the differences with the finding each explains (in full once), then the one-sided findings', async () => {
    const c = compared(await twoLogins());
    const nodes = expand(<ComparisonBody comparison={c} lookup={ruleInfo} />);
    const text = allText(nodes);
    expect(text.indexOf('What matters most:')).toBe(0);
    const rows = allHosts(nodes).filter((h) => h.tag === 'tr' && String(h.props.class ?? '').startsWith('sl-cmp-'));
    expect(String(rows[0]!.props.class)).toBe('sl-cmp-critical');
    expect(allText(rows[0]!.children)).toContain('Response › Assertion signature certificate (SHA-256)');
    expect(allText(rows[1]!.children)).toMatch(/explains, on B:.*signature-untrusted/);
    const untrusted = c.findings.onlyB.find((f) => f.rule === 'signature-untrusted')!;
    expect(text.split(untrusted.message).length - 1).toBe(1);
    expect(text).toContain('Explained by a difference above.');
    expect(text).toContain(`Same on both sides (${c.same.length})`);
  });

  it('renders captured values as text, never as markup or attributes', async () => {
    const a = await analyze([postEntry('SAMLResponse', response({ attributes: [{ name: 'x', values: ['ok'] }] }))], TRUST);
    const b = await analyze([postEntry('SAMLResponse', response({ attributes: [{ name: 'x', values: [IMG, 'javascript:alert(1)'] }] }))], TRUST);
    const c = compared(a, b, { flow: 1 }, { flow: 1 });
    const nodes = expand(<ComparisonBody comparison={c} lookup={ruleInfo} />);
    expect(allText(nodes)).toContain(IMG);
    for (const h of allHosts(nodes)) {
      expect(h.tag).not.toMatch(/^(img|script|a|iframe)$/);
      for (const v of Object.values(h.props)) if (typeof v === 'string') expect(v).not.toMatch(/<img|javascript:/);
    }
  });

  it('copies the comparison as Markdown with the chosen redaction', async () => {
    const a = await analyze([postEntry('SAMLResponse', response({ nameId: { value: 'alice@example.test', format: NAMEID.email } }))], TRUST);
    const b = await analyze([postEntry('SAMLResponse', response({ nameId: { value: 'bob@example.test', format: NAMEID.email } }))], TRUST);
    const c = compared(a, b, { flow: 1 }, { flow: 1 });
    const shared = comparisonReport(c, 'share', [...a.messages, ...b.messages]);
    expect(shared).toContain('Redaction profile: share');
    expect(shared).not.toMatch(/alice@|bob@/);
    expect(comparisonReport(c, 'support', [])).toContain('bob@example.test');
  });
});
