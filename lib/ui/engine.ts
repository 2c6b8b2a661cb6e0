/**
 * The one place lib/ui reaches into the core's modules, so the seams with the DECODE, XML, SIGNATURE and
 * RULES modules are visible at a glance and a test can see exactly what the UI calls.
 */
import type { AnalyzeOptions, MessageReport, Report, TraceEntry } from '../core/model';
import { analyze } from '../core/analyze';
import { readInput, type InputResult } from '../core/input';
import { parseMetadata } from '../core/xml';
import { parseCertificates } from '../core/signature';
import { parseFingerprint } from '../core/signature/fingerprint';
import { builtinProfiles, getBuiltinDocument, parseProfileText, preferredAcs, profileFromMetadata, resolveProfile, type ProfileDocument } from '../core/profiles';
import { metadataKeys } from '../core/profiles/expectations';
import { isRegistered } from '../core/rules/registry';
import { getRule } from '../core/rules/registry';
import type { RuleMeta } from '../core/rules/rule';
import { reportMarkdown, type RedactionProfile } from '../core/trace';
import { comparisonMarkdown, redactComparison, type Comparison } from '../core/compare';
export { fixFor, messageIdp, traceIdp, type IdpProduct, type OrderedFix } from '../core/idp';
export { findingFixSource } from '../core/verdict';

export type { RuleMeta, InputResult, ProfileDocument };

export function runAnalysis(entries: TraceEntry[], options: AnalyzeOptions): Promise<Report> {
  return analyze(entries, options);
}

export function readPasted(text: string, name?: string): InputResult {
  return readInput(text, { name });
}

export function ruleInfo(slug: string): RuleMeta | undefined {
  return getRule(slug);
}

export function profileChoices(): Array<{ id: string; name: string; summary: string }> {
  return builtinProfiles().map((p) => ({ id: p.id, name: p.name, summary: p.summary }));
}

/** A ticket-ready Markdown report (support redaction: cookies, tokens and passwords removed) of one flow or all. */
export function markdownReport(report: Report, flow?: string): string {
  return reportMarkdown(report, flow ? { flow } : {});
}

export { parseMetadata, parseCertificates, parseFingerprint, metadataKeys, getBuiltinDocument, parseProfileText, profileFromMetadata, preferredAcs };

/** A profile document checked and resolved as the analysis will (rule slugs included). */
export function checkProfileDocument(value: unknown): ReturnType<typeof resolveProfile> {
  return resolveProfile(value, isRegistered);
}

export { OUTCOME_LABEL, idpLabel } from '../core/outcome/labels';

export { printableInPage } from '../core/printable';

export { REQUEST_TYPES, REQUEST_TYPE_LABEL, requestTypeOf, type RequestType } from '../core/http/request-type';

export { exportEntries, reportHtml, savedSettingsProblem, REDACTION_PROFILES, type ExportResult, type RedactionProfile } from '../core/trace';

export { compareReports, comparisonView, type CompareInput, type Comparison, type CompareOutcome, type DifferenceView } from '../core/compare';

/** A comparison as Markdown for a ticket, redacted with the chosen profile (one pseudonym table for both sides). */
export function comparisonReport(c: Comparison, profile: RedactionProfile, sources: MessageReport[]): string {
  return comparisonMarkdown(redactComparison(c, profile, sources));
}
