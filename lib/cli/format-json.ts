import type { IdpProduct, KnownIdpProduct } from '../core/idp';
import type { Finding, Report } from '../core/model';
import { findingFixSource, fixFor, messageIdp, traceIdp } from './core-api';
import type { RuleLookup } from './rule-doc';

/** A finding as `--json` prints it: the rule's fix, and the recognised IdP's own steps when documented. */
export interface JsonFinding extends Finding {
  fix?: { general: string; idp?: { product: KnownIdpProduct; text: string } };
}

function withFix(finding: Finding, rule: RuleLookup, idp: IdpProduct): JsonFinding {
  const { ownFix, ...f } = finding;
  const doc = rule(f.rule);
  if (!doc) return f;
  // A finding's own steps (an IdP error code's, with this request's values) are the IdP's steps for it; the general
  // fix is the one every surface shows (findingFixSource: an SP's own steps replace the rule's).
  const first = ownFix ?? fixFor(doc.fix, idp).first;
  const general = (findingFixSource(finding) ?? doc.fix).general;
  return { ...f, fix: { general, ...(first.product !== 'general' ? { idp: { product: first.product, text: first.text } } : {}) } };
}

/**
 * The `--json` document (schemaVersion 1, documented in the README). The typed view is for UIs and the
 * decoded XML is large and personal, so both stay out unless asked for.
 */
export function formatJson(report: Report, opts: { includeXml: boolean; inputs: string[]; rule: RuleLookup }): string {
  const messages = report.messages.map((m) => {
    const { view: _view, xml, findings, ...rest } = m;
    const judged = { ...rest, findings: findings.map((f) => withFix(f, opts.rule, messageIdp(report, m))) };
    return opts.includeXml && xml !== undefined ? { ...judged, xml } : judged;
  });
  const idp = traceIdp(report);
  const findings = report.findings.map((f) => withFix(f, opts.rule, idp));
  return JSON.stringify({ ...report, inputs: opts.inputs, findings, messages }, null, 2) + '\n';
}
