// What a person sees of a capture, browser-independent: each SAML message's kind, binding and findings.
// The restart tests compare it before and after; the Firefox run compares it with Chromium's.
import { analyze } from '../../lib/core/analyze';
import { looksLikeSaml } from '../../lib/core/binding';
import type { AnalyzeOptions, TraceEntry } from '../../lib/core/model';

export interface JudgedMessage {
  kind: string;
  id: string | undefined;
  binding: string;
  findings: string[];
}

/** The SAML messages among `entries`, judged with `settings`; findings as sorted "severity rule". */
export async function judged(entries: TraceEntry[], settings: AnalyzeOptions): Promise<JudgedMessage[]> {
  return (await analyze(entries.filter(looksLikeSaml), settings)).messages.map((m) => ({
    kind: m.kind,
    id: m.id,
    binding: m.binding,
    findings: m.findings.map((f) => `${f.severity} ${f.rule}`).sort(),
  }));
}

/** How many judged messages carry at least one error: what the toolbar badge shows. */
export const withErrors = (messages: JudgedMessage[]) => messages.filter((m) => m.findings.some((f) => f.startsWith('error '))).length;
