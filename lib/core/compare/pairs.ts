import type { MessageReport } from '../model';

/** One message of A and the message of B it is compared with, by kind and order. */
export interface MessagePair {
  /** `Response`, or `AuthnRequest 2` for the second of its kind. */
  label: string;
  a?: MessageReport;
  b?: MessageReport;
  /** One more of a kind the other side also has (a retried request): cosmetic when unpaired. */
  extra: boolean;
}

/** The same request captured twice (Okta sends the browser back to its SSO URL) is one message. */
function dedupe(messages: MessageReport[]): MessageReport[] {
  const seen = new Set<string>();
  return messages.filter((m) => {
    if (m.id === undefined) return true;
    const key = `${m.kind}\u0000${m.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Pairs the messages of two sides by kind, the n-th of a kind with the n-th, in the order A shows them. */
export function pairMessages(as: MessageReport[], bs: MessageReport[]): MessagePair[] {
  const a = dedupe(as);
  const b = dedupe(bs);
  const kinds = [...new Set([...a, ...b].map((m) => m.kind))];
  const pairs: MessagePair[] = [];
  for (const kind of kinds) {
    const ak = a.filter((m) => m.kind === kind);
    const bk = b.filter((m) => m.kind === kind);
    for (let i = 0; i < Math.max(ak.length, bk.length); i++) {
      const pa = ak[i];
      const pb = bk[i];
      pairs.push({ label: i === 0 ? kind : `${kind} ${i + 1}`, ...(pa ? { a: pa } : {}), ...(pb ? { b: pb } : {}), extra: i > 0 && (!pa || !pb) });
    }
  }
  return pairs;
}

/** Entity IDs a side names: Issuers and Audiences. Two logins of one IdP or one SP share at least one. */
export function entityIds(messages: MessageReport[]): Set<string> {
  const ids = new Set<string>();
  for (const m of messages) {
    if (m.issuer) ids.add(m.issuer.trim());
    for (const a of m.view?.assertions ?? []) {
      if (a.issuer) ids.add(a.issuer.trim());
      for (const aud of a.conditions?.audiences ?? []) if (aud.trim()) ids.add(aud.trim());
    }
  }
  return ids;
}

export function describeParties(messages: MessageReport[]): string {
  const ids = [...entityIds(messages)];
  return ids.length ? ids.slice(0, 3).join(', ') + (ids.length > 3 ? ', …' : '') : 'no entity ID';
}
