export type Utf8Result = { ok: true; text: string; bomRemoved: boolean } | { ok: false; reason: string };

const fatal = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8: a message that is not valid UTF-8 cannot be what the sender signed. */
export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return { ok: false, reason: 'the bytes are UTF-16 text (byte order mark found), not UTF-8' };
  }
  const bomRemoved = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  try {
    return { ok: true, text: fatal.decode(bytes), bomRemoved };
  } catch {
    return { ok: false, reason: `the bytes are not UTF-8 text (invalid sequence at byte ${firstInvalid(bytes)})` };
  }
}

/** Offset of the first byte that breaks UTF-8 well-formedness (only called after a failure). */
function firstInvalid(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    let need = 0;
    let min = 0;
    if (c < 0x80) need = 0;
    else if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) [need, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = need === 0 ? c : c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const n = b[i + k];
      if (n === undefined || (n & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (n & 0x3f);
    }
    if (need > 1 && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) return i;
    i += need + 1;
  }
  return b.length;
}

/** First meaningful byte is '<' (after a UTF-8 BOM and whitespace), or a UTF-16 BOM (so utf-8 reports it). */
export function looksLikeXmlBytes(b: Uint8Array): boolean {
  let i = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
  else if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return b[i] === 0x3c;
}
