import type { ImportProgress } from './protocol';

/**
 * A file's text, read in chunks so progress can be shown (a 50 MB HAR takes a while on a slow disk).
 * Progress is reported at most every 2% to keep the messages to the page few.
 */
export async function readFileText(file: Blob, onProgress: (p: ImportProgress) => void): Promise<string> {
  const total = file.size;
  onProgress({ phase: 'reading', loaded: 0, total });
  if (typeof file.stream !== 'function') {
    const text = await file.text();
    onProgress({ phase: 'reading', loaded: total, total });
    return text;
  }
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let loaded = 0;
  let reported = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    if (total === 0 || loaded - reported >= total / 50) {
      reported = loaded;
      onProgress({ phase: 'reading', loaded, total });
    }
  }
  parts.push(decoder.decode());
  onProgress({ phase: 'reading', loaded: total, total });
  return parts.join('');
}
