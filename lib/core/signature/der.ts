/** One DER TLV: tag byte, where its content starts and ends in `bytes`. */
export interface Der {
  tag: number;
  bytes: Uint8Array;
  start: number;
  end: number;
  /** Start of the whole TLV (header included), to slice the exact encoding (e.g. the SPKI). */
  headerStart: number;
}

/** Reads the TLV at `offset`. Throws on truncated input; callers turn that into a problem. */
export function readDer(bytes: Uint8Array, offset = 0): Der {
  if (offset + 2 > bytes.length) throw new Error('truncated DER');
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new Error('multi-byte DER tags are not used in X.509');
  let length = bytes[offset + 1]!;
  let pos = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new Error('unsupported DER length');
    length = 0;
    for (let i = 0; i < count; i++) {
      if (pos >= bytes.length) throw new Error('truncated DER');
      length = length * 256 + bytes[pos++]!;
    }
  }
  if (pos + length > bytes.length) throw new Error('truncated DER');
  return { tag, bytes, start: pos, end: pos + length, headerStart: offset };
}

/** The TLVs inside a constructed value (SEQUENCE, SET, context tags). */
export function derChildren(node: Der): Der[] {
  const out: Der[] = [];
  let pos = node.start;
  while (pos < node.end) {
    const child = readDer(node.bytes, pos);
    out.push(child);
    pos = child.end;
  }
  return out;
}

export function derContent(node: Der): Uint8Array {
  return node.bytes.subarray(node.start, node.end);
}

export function derWhole(node: Der): Uint8Array {
  return node.bytes.subarray(node.headerStart, node.end);
}

export function derOid(node: Der): string {
  const b = derContent(node);
  if (b.length === 0) return '';
  const parts: number[] = [Math.floor(b[0]! / 40), b[0]! % 40];
  let value = 0;
  for (let i = 1; i < b.length; i++) {
    value = value * 128 + (b[i]! & 0x7f);
    if (!(b[i]! & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/** Encodes a DER TLV (used to wrap a PKCS#1 private key into PKCS#8 for WebCrypto). */
export function derEncode(tag: number, content: Uint8Array): Uint8Array {
  const n = content.length;
  let header: number[];
  if (n < 0x80) header = [tag, n];
  else if (n < 0x100) header = [tag, 0x81, n];
  else if (n < 0x10000) header = [tag, 0x82, n >> 8, n & 0xff];
  else header = [tag, 0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  const out = new Uint8Array(header.length + n);
  out.set(header, 0);
  out.set(content, header.length);
  return out;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}
