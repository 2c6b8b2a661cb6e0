// Percent-encoding, as the scanners meet it: a URL inside a query is encoded once, a URL inside that twice.

/** The value of a hexadecimal digit's character code, or -1. */
export function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Percent-decodes up to `times` times, keeping a malformed escape as it is. */
export function percentDecode(text: string, times: number): string {
  let out = text;
  for (let t = 0; t < times && out.includes('%'); t++) {
    try {
      out = decodeURIComponent(out);
    } catch {
      return out;
    }
  }
  return out;
}

export function percentEncode(text: string, times: number): string {
  let out = text;
  for (let t = 0; t < times; t++) out = encodeURIComponent(out);
  return out;
}
