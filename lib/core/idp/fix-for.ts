import type { MessageReport, Report } from '../model';
import { IDP_NAMES, IDP_PRODUCTS, type IdpProduct, type KnownIdpProduct } from './product';

/** How to fix something on each IdP product, keyed by the product ids `--json` prints. */
export type IdpFixTexts = Partial<Record<KnownIdpProduct, string>>;

/**
 * The public documentation each product's fix text comes from (one or more URLs). Every per-product text
 * must have an entry: a console path nobody can look up is a guess, and the catalogue test enforces it.
 */
export type IdpFixSources = Partial<Record<KnownIdpProduct, readonly string[]>>;

/** A fix: the general text, and the steps on each IdP product where they are documented publicly. */
export type IdpFix = { general: string; sources?: IdpFixSources } & IdpFixTexts;

export interface FixEntry {
  product: KnownIdpProduct | 'general';
  /** What a person reads: `AD FS`, `Okta`, or `General`. */
  name: string;
  text: string;
  sources: readonly string[];
}

/** A fix in the order every surface shows it: `first` open, `others` behind one disclosure. */
export interface OrderedFix {
  first: FixEntry;
  /** The heading of `first`: `Fix`, or `Fix (AD FS)` for a recognised IdP's own steps. */
  firstLabel: string;
  others: FixEntry[];
  /** The disclosure's label, e.g. `Other IdPs`. */
  othersLabel: string;
}

function entry(fix: IdpFix, product: KnownIdpProduct | 'general'): FixEntry | undefined {
  if (product === 'general') return { product, name: 'General', text: fix.general, sources: [] };
  const text = fix[product];
  return text ? { product, name: IDP_NAMES[product], text, sources: fix.sources?.[product] ?? [] } : undefined;
}

/**
 * The one ordering of fixes: the recognised IdP's own steps first, then the general fix and every other
 * documented product. With an unknown IdP, or one without documented steps, the general fix comes first.
 */
export function fixFor(fix: IdpFix, idp: IdpProduct | undefined): OrderedFix {
  const own = idp && idp !== 'unknown' ? entry(fix, idp) : undefined;
  const rest = IDP_PRODUCTS.filter((p) => p !== own?.product).flatMap((p) => entry(fix, p) ?? []);
  if (own) return { first: own, firstLabel: `Fix (${own.name})`, others: [entry(fix, 'general')!, ...rest], othersLabel: 'General fix and other IdPs' };
  return { first: entry(fix, 'general')!, firstLabel: 'Fix', others: rest, othersLabel: 'Other IdPs' };
}

const known = (p: IdpProduct | undefined): p is KnownIdpProduct => p !== undefined && p !== 'unknown';

// Each flow's product by flow id, once per flows array: a lookup per message stays linear on 250,000 messages.
const byFlows = new WeakMap<Report['flows'], Map<string, IdpProduct | undefined>>();

function flowProduct(report: Report, id: string): IdpProduct | undefined {
  let map = byFlows.get(report.flows);
  if (!map) {
    map = new Map(report.flows.map((f) => [f.id, f.idp?.product]));
    byFlows.set(report.flows, map);
  }
  return map.get(id);
}

/** The IdP a message's findings are about: the message's own recognition, else its flow's. */
export function messageIdp(report: Report, m: MessageReport): IdpProduct {
  const own = m.idp?.product;
  if (known(own)) return own;
  const flow = flowProduct(report, m.flow);
  return known(flow) ? flow : 'unknown';
}

/** The IdP of findings about the whole trace: the one product recognised in it, or unknown when none or several. */
export function traceIdp(report: Report): IdpProduct {
  const seen = new Set([...report.flows.map((f) => f.idp?.product), ...report.messages.map((m) => m.idp?.product)].filter(known));
  return seen.size === 1 ? [...seen][0]! : 'unknown';
}
