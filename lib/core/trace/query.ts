// Raw query handling that keeps untouched octets untouched: an HTTP-Redirect signature covers the exact bytes.

export interface RawPair {
  /** As in the URL (still percent-encoded). */
  rawName: string;
  rawValue: string | undefined;
}

export interface SplitUrl {
  /** Everything before '?' (or before '#' when there is no query). */
  base: string;
  query?: string;
  fragment?: string;
}

export function splitUrl(url: string): SplitUrl {
  const hash = url.indexOf('#');
  const beforeHash = hash >= 0 ? url.slice(0, hash) : url;
  const fragment = hash >= 0 ? url.slice(hash + 1) : undefined;
  const q = beforeHash.indexOf('?');
  if (q < 0) return { base: beforeHash, fragment };
  return { base: beforeHash.slice(0, q), query: beforeHash.slice(q + 1), fragment };
}

export function joinUrl(parts: SplitUrl): string {
  let url = parts.base;
  if (parts.query !== undefined) url += `?${parts.query}`;
  if (parts.fragment !== undefined) url += `#${parts.fragment}`;
  return url;
}

export function parsePairs(query: string): RawPair[] {
  if (query === '') return [];
  return query.split('&').map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? { rawName: part, rawValue: undefined } : { rawName: part.slice(0, eq), rawValue: part.slice(eq + 1) };
  });
}

/** application/x-www-form-urlencoded decoding; a malformed escape keeps the raw text instead of failing. */
export function formDecode(raw: string): string {
  if (!raw.includes('%') && !raw.includes('+')) return raw;
  const spaced = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** Percent-encoding for a query or form value (what browsers send for form posts, spaces as '+'). */
export function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

/** Decoded name/value pairs of a query string, in order. */
/** Name and value of each parameter; empty parts (`a=1&&b=2`) are none, as URLSearchParams skips them. */
export function decodedPairs(query: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    out.push(eq < 0 ? [formDecode(part), ''] : [formDecode(part.slice(0, eq)), formDecode(part.slice(eq + 1))]);
  }
  return out;
}

export function encodeForm(fields: Array<[string, string]>): string {
  return fields.map(([n, v]) => `${formEncode(n)}=${formEncode(v)}`).join('&');
}
