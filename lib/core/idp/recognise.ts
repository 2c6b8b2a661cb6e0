// Which IdP product a value points to, and the evidence, in words a person can check.
import { PRODUCT_SIGNS } from './signs';
import type { IdpProduct, IdpRecognition, KnownIdpProduct } from './product';

/** One piece of evidence: a product, what showed it, and how much it weighs against other evidence. */
export interface Clue {
  product: KnownIdpProduct;
  evidence: string;
  weight: number;
}

/** Issuer or entity ID (3): what the IdP names itself; endpoint URL (2); a host of the product's pages (1). */
export const WEIGHT = { entityId: 3, endpoint: 2, host: 1 } as const;

/** URLs and entity IDs in evidence are shortened: the query of a Redirect URL is kilobytes of SAMLRequest. */
function shown(value: string): string {
  const v = value.trim();
  const q = v.indexOf('?');
  const base = q >= 0 && v.length > 100 ? `${v.slice(0, q)}?…` : v;
  return base.length > 160 ? `${base.slice(0, 157)}…` : base;
}

function hostOf(url: string): string | undefined {
  return /^https?:\/\/([^/?#:]+)/i.exec(url.trim())?.[1]?.toLowerCase();
}

/** `label` says what the value is, e.g. "Issuer", "IdP metadata entityID". */
export function clueFromEntityId(value: string | undefined, label: string): Clue | undefined {
  if (!value?.trim()) return undefined;
  const v = value.trim();
  for (const s of PRODUCT_SIGNS) {
    if (s.entityIds.some((re) => re.test(v))) return { product: s.product, evidence: `${label} ${shown(v)}`, weight: WEIGHT.entityId };
  }
  // An entity ID that is a URL on a host only this product serves (PingOne's https://auth.pingone.com/<env>).
  const host = hostOf(v);
  for (const s of PRODUCT_SIGNS) {
    if (host && s.hosts.some((re) => re.test(host))) return { product: s.product, evidence: `${label} ${shown(v)}`, weight: WEIGHT.entityId };
  }
  return undefined;
}

/** An SSO/SLO endpoint: where an AuthnRequest was sent, its Destination, IdP metadata's SingleSignOnService. */
export function clueFromEndpoint(url: string | undefined, label: string): Clue | undefined {
  if (!url?.trim()) return undefined;
  const u = url.trim();
  for (const s of PRODUCT_SIGNS) {
    if (s.endpoints.some((re) => re.test(u))) return { product: s.product, evidence: `${label} ${shown(u)}`, weight: WEIGHT.endpoint };
  }
  return clueFromHost(u, label);
}

/** A page on a host that only this product serves. */
export function clueFromHost(url: string | undefined, label: string): Clue | undefined {
  const host = url ? hostOf(url) : undefined;
  if (!host) return undefined;
  for (const s of PRODUCT_SIGNS) {
    if (s.hosts.some((re) => re.test(host))) return { product: s.product, evidence: `${label} on ${host}`, weight: WEIGHT.host };
  }
  return undefined;
}

/**
 * The product the clues point to most strongly (summed weights; the first one seen wins a tie), with its
 * evidence; `unknown` with no evidence when there is none. Clues for other products are left out: the
 * evidence says why this product, not everything that was seen.
 */
export function decide(clues: Array<Clue | undefined>, maxEvidence = 4): IdpRecognition {
  const score = new Map<KnownIdpProduct, number>();
  const order: KnownIdpProduct[] = [];
  for (const c of clues) {
    if (!c) continue;
    if (!score.has(c.product)) order.push(c.product);
    score.set(c.product, (score.get(c.product) ?? 0) + c.weight);
  }
  let best: IdpProduct = 'unknown';
  let top = 0;
  for (const p of order) {
    const s = score.get(p) ?? 0;
    if (s > top) [best, top] = [p, s];
  }
  if (best === 'unknown') return { product: 'unknown', evidence: [] };
  // Strongest first (what the IdP names itself before where a request was sent); stable within a weight.
  const mine = clues.filter((c): c is Clue => !!c && c.product === best).sort((a, b) => b.weight - a.weight);
  const evidence = [...new Set(mine.map((c) => c.evidence))];
  return { product: best, evidence: evidence.slice(0, maxEvidence) };
}
