// A file saved by Windows PowerShell 5 (`>`, Out-File) is UTF-16 with a byte-order mark; it must read as the
// same capture its UTF-8 copy is.
import { describe, expect, it } from 'vitest';
import { decodeFileBytes, readInput } from '../../../lib/core/input';
import { exportEntries } from '../../../lib/core/trace';
import { readFileText } from '../../../lib/ui/import/read-file';
import { plantedFlow } from '../trace/flow';

const text = exportEntries(plantedFlow(), { format: 'har', profile: 'none' }).text;

function utf16(s: string, order: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + i * 2] = order === 'le' ? c & 0xff : c >> 8;
    out[3 + i * 2] = order === 'le' ? c >> 8 : c & 0xff;
  }
  return out;
}

const utf8Bom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)]);

describe('a file with a byte-order mark', () => {
  it.each([
    ['UTF-16LE', utf16(text, 'le')],
    ['UTF-16BE', utf16(text, 'be')],
    ['UTF-8', utf8Bom(text)],
    ['no mark (UTF-8)', new TextEncoder().encode(text)],
  ])('%s reads as the capture it holds', (_enc, bytes) => {
    const decoded = decodeFileBytes(bytes);
    expect(decoded).toBe(text);
    const result = readInput(decoded);
    expect(result.format).toBe('har');
    expect(result.entries).toHaveLength(readInput(text).entries.length);
  });

  it('dropped on the viewer, read in chunks (the first one byte long), gives the same text', async () => {
    const bytes = utf16(`${text}\u00e9\u{1f600}`, 'le');
    const chunks = [bytes.slice(0, 1), bytes.slice(1, 7), bytes.slice(7)];
    const blob = { size: bytes.length, stream: () => new ReadableStream({ start: (c) => { for (const ch of chunks) c.enqueue(ch); c.close(); } }) } as unknown as Blob;
    expect(await readFileText(blob, () => undefined)).toBe(`${text}\u00e9\u{1f600}`);
  });
});
