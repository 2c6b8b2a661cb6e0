import { fixFor, type IdpFix, type IdpProduct, type OrderedFix } from '../idp';
import { IDP_PRODUCTS } from '../idp/product';
import type { Finding, MessageReport } from '../model';
import { getRule } from '../rules/registry';
import { statusFix, statusName } from '../status-codes';

type Status = MessageReport['status'];

/** Keeps the lines of a fix that apply: a line headed by a status code name (`RequestDenied: …`) only when that code is present. */
function onlyPresent(text: string, present: Set<string>, all: Set<string>): string {
  const lines = text.split('\n');
  const kept = lines.filter((l) => {
    const head = /^([A-Za-z]+):/.exec(l)?.[1];
    return !head || !all.has(head) || present.has(head);
  });
  return kept.length ? kept.join('\n') : lines[0]!;
}

const CODE_NAMES = new Set(['InvalidNameIDPolicy', 'RequestDenied', 'AuthnFailed', 'NoAuthnContext', 'NoPassive', 'UnknownPrincipal', 'RequestUnsupported', 'UnsupportedBinding', 'VersionMismatch']);

function filtered(fix: IdpFix, present: Set<string>): IdpFix {
  const out: IdpFix = { general: onlyPresent(fix.general, present, CODE_NAMES) };
  if (fix.sources) out.sources = fix.sources;
  for (const p of IDP_PRODUCTS) {
    const text = fix[p];
    if (text) out[p] = onlyPresent(text, present, CODE_NAMES);
  }
  return out;
}

/**
 * The fix to show for one finding: the rule's, except that
 * - `status-error` gets the fix of the status codes the message carries (issue 9: only the codes present, not a
 *   list of every remedy);
 * - a finding's own steps for an IdP (the error code a refusal page names, with this request's values) take the
 *   place of the rule's steps for that IdP, as in the verdict;
 * - a finding with a general fix of its own gets only that one: it is about the SP's side (an SP's signature SAML
 *   Lens could not check, an SP's unsigned logout), where steps in an IdP's console would send a person to the
 *   wrong system.
 */
export function findingFixSource(f: Finding, status?: Status): IdpFix | undefined {
  const rule = getRule(f.rule);
  if (!rule) return undefined;
  if (f.ownFix?.product === 'general') return { general: f.ownFix.text };
  if (f.ownFix) {
    const product = f.ownFix.product;
    // The rule's sources for that IdP are about the rule's text, not this one.
    const sources = { ...rule.fix.sources };
    delete sources[product];
    return { ...rule.fix, [product]: f.ownFix.text, sources };
  }
  if (f.rule !== 'status-error' || !status?.code) return rule.fix;
  return statusFix(status.code, status.subCodes) ?? filtered(rule.fix, new Set([status.code, ...status.subCodes].map(statusName)));
}

/** The fix for a finding in the order every surface shows it (recognised IdP first), or undefined for an unknown rule. */
export function findingFix(f: Finding, idp: IdpProduct, status?: Status): OrderedFix | undefined {
  const source = findingFixSource(f, status);
  return source ? fixFor(source, idp) : undefined;
}
