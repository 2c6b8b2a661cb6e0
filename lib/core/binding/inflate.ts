import { Inflate, inflateSync } from 'fflate';
import { formatBytes } from './sizes';

export type InflateResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: string; overLimit: boolean };

// DEFLATE expands at most about 1032:1, so feeding 4 KB at a time bounds the overshoot past the cap to
// about 4 MB while keeping the per-chunk bookkeeping negligible for real messages.
const CHUNK = 4096;
const MAX_RATIO = 1032;

/** Raw DEFLATE (RFC 1951, no zlib header) with a hard cap on the output, checked while inflating. */
export function inflateRawBounded(input: Uint8Array, maxBytes: number): InflateResult {
  const most = input.length * MAX_RATIO + 64;
  if (input.length > 0 && most <= maxBytes) {
    const small = inflateShort(input, most);
    if (small) return small;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  let finished = false;
  const inflater = new Inflate((data, final) => {
    total += data.length;
    if (total > maxBytes) {
      over = true;
      chunks.length = 0;
    } else {
      chunks.push(data);
    }
    if (final) finished = true;
  });
  let consumed = 0;
  try {
    if (input.length === 0) inflater.push(input, true);
    for (let off = 0; off < input.length && !over; off += CHUNK) {
      const end = Math.min(off + CHUNK, input.length);
      inflater.push(input.subarray(off, end), end === input.length);
      consumed = end;
    }
  } catch (e) {
    return { ok: false, overLimit: false, reason: `DEFLATE data is corrupt (${errorText(e)})` };
  }
  if (over) {
    return {
      ok: false,
      overLimit: true,
      reason:
        `inflating stopped after ${formatBytes(total)} from the first ${formatBytes(consumed)} of ` +
        `${formatBytes(input.length)} compressed: over the ${formatBytes(maxBytes)} limit (a DEFLATE bomb or an oversized message)`,
    };
  }
  if (!finished) return { ok: false, overLimit: false, reason: 'DEFLATE data ends before its final block (truncated)' };
  return { ok: true, bytes: concat(chunks, total) };
}

/**
 * A stream too short to pass the cap, in one call: the streaming inflater allocates about 200 KB of buffers
 * per call, which is most of the time a small Redirect message costs. A full buffer may mean the output was
 * cut (fflate decodes the whole stream whatever the buffer's size), so the second and last try uses the
 * largest size the stream can produce; undefined (use the stream) if even that fills.
 */
function inflateShort(input: Uint8Array, most: number): InflateResult | undefined {
  for (const size of [Math.min(most, Math.max(4096, input.length * 8)), most]) {
    let out: Uint8Array;
    try {
      out = inflateSync(input, { out: new Uint8Array(size) });
    } catch (e) {
      return { ok: false, overLimit: false, reason: `DEFLATE data is corrupt (${errorText(e)})` };
    }
    if (out.length < size) return { ok: true, bytes: out };
  }
  return undefined;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

function errorText(e: unknown): string {
  return e instanceof Error && e.message ? e.message : 'unreadable stream';
}
