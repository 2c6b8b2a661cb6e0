/*
 * Small byte arrays cut from a shared block instead of allocated one by one. An array of more than 64 bytes is
 * memory outside the JavaScript heap, with a backing store to create and account for and a finaliser to run:
 * 1.3 to 1.7 µs each in Node 20, more than decoding the base64 of a SignatureValue takes, and a check of a
 * signed Response made several. A view of a block costs a tenth of that; Node's Buffer pools the same way.
 * Each array is a view of bytes of its own, never handed out twice; the 8 KB block stays alive as long as one of
 * its views does.
 */
const BLOCK = 8192;
// Up to 64 bytes V8 keeps an array in its heap, which is quick; past 1 KB a block would soon be used up.
const IN_HEAP = 64;
const POOLED_MAX = 1024;

let block = new Uint8Array(BLOCK);
let used = 0;

/** `n` bytes for the caller to fill, every one of them: pooled arrays are not zeroed. */
export function uninitialisedBytes(n: number): Uint8Array {
  if (n <= IN_HEAP || n > POOLED_MAX) return new Uint8Array(n);
  if (used + n > BLOCK) {
    block = new Uint8Array(BLOCK);
    used = 0;
  }
  const out = block.subarray(used, used + n);
  // Eight-byte steps keep each view aligned, as Node's pool does.
  used += (n + 7) & ~7;
  return out;
}

const encoder = new TextEncoder();
// Where a text is encoded before its bytes are copied to their own array: encode() would allocate one of their size.
const scratch = new Uint8Array(3 * POOLED_MAX);

/** `text` as UTF-8, in a pooled array when it is small (a canonical SignedInfo is about 600 bytes). */
export function utf8Bytes(text: string): Uint8Array {
  // UTF-16 to UTF-8 takes at most three bytes per code unit.
  if (text.length > POOLED_MAX) return encoder.encode(text);
  const { written } = encoder.encodeInto(text, scratch);
  const out = uninitialisedBytes(written);
  out.set(scratch.subarray(0, written));
  return out;
}
