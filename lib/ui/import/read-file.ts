import { decodeFileBytes, fileDecoder, tooLargeForText } from '../../core/input';
import type { ImportProgress } from './protocol';

/**
 * A file's text, read in chunks so progress can be shown (a 50 MB HAR takes a while on a slow disk), in the
 * encoding its byte-order mark names (the core's choice, so a dropped file reads as the CLI reads it).
 * Progress is reported at most every 2% to keep the messages to the page few.
 */
export async function readFileText(file: Blob, onProgress: (p: ImportProgress) => void): Promise<string> {
  const total = file.size;
  onProgress({ phase: 'reading', loaded: 0, total });
  if (typeof file.stream !== 'function') {
    const text = await fileText(file);
    onProgress({ phase: 'reading', loaded: total, total });
    return text;
  }
  const reader = file.stream().getReader();
  let decoder: TextDecoder | undefined;
  // The mark is two bytes; a first chunk shorter than that waits for the next before the decoder is chosen.
  let head: Uint8Array = new Uint8Array(0);
  const parts: string[] = [];
  let loaded = 0;
  let reported = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    let bytes: Uint8Array = value;
    if (!decoder) {
      bytes = head.length ? concat(head, value) : value;
      if (bytes.length < 2) {
        head = bytes;
        continue;
      }
      decoder = fileDecoder(bytes);
    }
    parts.push(decoder.decode(bytes, { stream: true }));
    if (total === 0 || loaded - reported >= total / 50) {
      reported = loaded;
      onProgress({ phase: 'reading', loaded, total });
    }
  }
  parts.push(decoder ? decoder.decode() : decodeFileBytes(head));
  onProgress({ phase: 'reading', loaded: total, total });
  try {
    return parts.join('');
  } catch (e) {
    // V8 says only "Invalid string length".
    if (e instanceof RangeError) throw new TooLarge(tooLargeForText(total, 'the browser'));
    throw e;
  }
}

/** The file is larger than the browser's longest string: reading it again (on the page, say) fails the same way. */
export class TooLarge extends Error {}

/** A small file's text (metadata, a profile), decoded as readFileText decodes. */
export async function fileText(file: Blob): Promise<string> {
  return decodeFileBytes(new Uint8Array(await file.arrayBuffer()));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
