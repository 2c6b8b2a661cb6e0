// The HTTP-Redirect parameters of a query, and the repeated or re-cased ones that make a signature ambiguous.
import type { Problem } from '../model';
import { semicolonPairs, type RawParam } from './urlencoded';
import { own } from '../dictionary';

/** The parameters saml-bindings §3.4 gives a meaning; SAMLRequest and SAMLResponse fill one slot, the message. */
const SLOTS: Record<string, { slot: string; name: string }> = {
  samlrequest: { slot: 'message', name: 'SAMLRequest' },
  samlresponse: { slot: 'message', name: 'SAMLResponse' },
  relaystate: { slot: 'RelayState', name: 'RelayState' },
  sigalg: { slot: 'SigAlg', name: 'SigAlg' },
  signature: { slot: 'Signature', name: 'Signature' },
};

export interface RedirectParams {
  /** Every parameter that carries a message, under any case of its name, in query order. */
  carried: RawParam[];
  relay?: RawParam;
  sigAlg?: RawParam;
  signature?: RawParam;
  /** Why no signature over this query can count: a parameter repeated, or named with another case. */
  refused?: string;
  problem?: Problem;
}

/** How many names a message lists: every message of the query carries the text, so it must not grow with the query. */
const LISTED = 5;

function fewOf(items: string[], joiner = ', '): string {
  if (items.length <= LISTED) return items.join(joiner);
  return `${items.slice(0, LISTED).join(joiner)}${joiner}${items.length - LISTED} more`;
}

/**
 * Receivers disagree on a repeated parameter (the first, the last, all joined with commas) and on names that
 * differ only by case (matched exactly or without case), so the copy a signature covers need not be the one
 * acted on. Each slot's first parameter is kept for display; the signature is refused either way.
 */
export function readRedirectParams(params: RawParam[]): RedirectParams {
  const bySlot = new Map<string, RawParam[]>();
  const recased: string[] = [];
  const hidden = params.flatMap((p) => semicolonPairs(p.raw).filter((q) => own(SLOTS, q.name.toLowerCase())?.slot === 'message').map((q) => ({ ...q, behind: p.name })));
  for (const p of [...params, ...hidden]) {
    const known = own(SLOTS, p.name.toLowerCase());
    if (!known) continue;
    const list = bySlot.get(known.slot);
    if (list) list.push(p);
    else bySlot.set(known.slot, [p]);
    if ('behind' in p) recased.push(`"${p.name}" behind a ';' in ${p.behind}, which receivers that split on ';' read as ${known.name}`);
    else if (p.name !== known.name) recased.push(`"${p.name}", which differs from ${known.name} only by case`);
  }
  const first = (slot: string) => bySlot.get(slot)?.[0];
  const out: RedirectParams = { carried: bySlot.get('message') ?? [] };
  const relay = first('RelayState');
  const sigAlg = first('SigAlg');
  const signature = first('Signature');
  if (relay) out.relay = relay;
  if (sigAlg) out.sigAlg = sigAlg;
  if (signature) out.signature = signature;

  const repeated = [...bySlot.entries()]
    .filter(([, ps]) => ps.length > 1)
    .map(([slot, ps]) => {
      const names = ps.map((p) => p.name);
      if (new Set(names).size === 1) return `${names[0]} ${ps.length} times`;
      return `${slot === 'message' ? 'the SAML message' : slot} ${ps.length} times (${fewOf(names)})`;
    });
  if (repeated.length === 0 && recased.length === 0) return out;
  const parts = [
    ...(repeated.length > 0 ? [`carries ${repeated.join(', ')}`] : []),
    ...(recased.length > 0 ? [`names a parameter ${fewOf(recased, ' and ')}`] : []),
  ];
  out.refused = `refused: the query ${parts.join(' and ')}, so the signature need not cover what the receiver reads`;
  out.problem = {
    rule: 'redirect-parameter-duplicate',
    severity: 'error',
    message:
      `The HTTP-Redirect query ${parts.join(', and ')}. Receivers disagree on which copy they read (the first, the last, all of them, or names matched without case), ` +
      `so one of them can act on a copy the sender never sent${signature ? '; the query signature is not counted' : ''}.`,
  };
  return out;
}
