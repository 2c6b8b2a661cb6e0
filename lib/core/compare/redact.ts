import type { MessageReport } from '../model';
import { EntryWalker } from '../trace/redact/entry';
import { isNameAttribute, type RedactionProfile } from '../trace/redact/profiles';
import { Redactor } from '../trace/redact/redactor';
import { learnMessage } from '../trace/report-view';
import { headline } from './headline';
import type { Comparison, DiffField } from './types';

type Value = string | string[] | undefined;

const ATTRIBUTE_NAME = /\.attribute\[(.*)\]$/;

/**
 * A comparison for a ticket, every captured string through one redaction profile. One pseudonym table
 * serves both sides, so the same person on A and B gets the same pseudonym and a changed NameID stays a
 * visible change. `sources`: the compared messages, so credentials and personal values they carry are
 * removed wherever a finding quotes them.
 */
export function redactComparison(c: Comparison, profile: RedactionProfile, sources: MessageReport[] = []): Comparison {
  if (profile === 'none') return c;
  const r = new Redactor(profile);
  const walker = new EntryWalker(r);
  for (const m of sources) learnMessage(m, r, walker);
  const one = (field: DiffField, path: string, v: string, where: string): string => {
    if (field === 'nameId') return r.personal(v, 'nameid', where);
    if (field === 'attribute') return r.personal(v, isNameAttribute(ATTRIBUTE_NAME.exec(path)?.[1]) ? 'name' : 'attribute', where);
    if (field === 'relayState' || field === 'endpoint') return walker.url(v, where);
    return r.sweep(v, where);
  };
  const value = (field: DiffField, path: string, v: Value, where: string): Value =>
    v === undefined ? undefined : Array.isArray(v) ? v.map((x) => one(field, path, x, where)) : one(field, path, v, where);
  // Learn every value first (so one seen on B is also removed from A's finding texts), then apply.
  const pass = () => {
    const differences = c.differences.map((d) => {
      const a = value(d.field, d.path, d.a, d.label);
      const b = value(d.field, d.path, d.b, d.label);
      const detail = d.detail ? { ...(d.detail.a ? { a: r.sweep(d.detail.a, d.label) } : {}), ...(d.detail.b ? { b: r.sweep(d.detail.b, d.label) } : {}) } : undefined;
      return { ...d, ...(a !== undefined ? { a } : {}), ...(b !== undefined ? { b } : {}), ...(detail ? { detail } : {}) };
    });
    const same = c.same.map((s) => ({ ...s, value: value(s.field, s.path, s.value, s.label)! }));
    const finding = <T extends { message: string }>(f: T): T => ({ ...f, message: r.sweep(f.message, 'finding') });
    return { differences, same, findings: { onlyA: c.findings.onlyA.map(finding), onlyB: c.findings.onlyB.map(finding) } };
  };
  pass();
  r.mode = 'apply';
  const out = pass();
  return {
    ...c,
    ...out,
    summary: { ...c.summary, headline: headline(out.differences, out.findings) },
    notes: [...c.notes, `Redaction profile: ${profile}.`],
  };
}
