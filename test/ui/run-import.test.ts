import { describe, expect, it } from 'vitest';
import type { InputResult } from '../../lib/core/input';
import { importFile } from '../../lib/ui/import/run-import';
import { readFileText, TooLarge } from '../../lib/ui/import/read-file';
import { progressFraction, progressText, type ImportMessage, type ImportProgress } from '../../lib/ui/import/protocol';
import { fakeWorker } from './fake-worker';
import { exportEntries } from '../../lib/core/trace';
import { plantedFlow } from '../core/trace/flow';

const harText = () => exportEntries(plantedFlow(), { format: 'har', profile: 'support', now: () => new Date('2026-01-15T12:00:00Z') }).text;

describe('file import', () => {
  it('without a worker factory parses on the page and reports reading, then parsing', async () => {
    const seen: ImportProgress[] = [];
    const out = await importFile(new Blob([harText()]), 'flow.har', (p) => seen.push(p));
    expect(out.fallbackNote).toBeUndefined();
    expect(out.result.format).toBe('har');
    expect(out.result.entries.length).toBeGreaterThan(0);
    expect(seen[0]).toMatchObject({ phase: 'reading', loaded: 0 });
    expect(seen.at(-1)).toEqual({ phase: 'parsing' });
    const reads = seen.filter((p) => p.phase === 'reading').map((p) => p.loaded ?? 0);
    expect(reads).toEqual([...reads].sort((a, b) => a - b));
  });

  it('uses the worker when there is one: its progress and its result', async () => {
    const result: InputResult = { format: 'saml-tracer', entries: [], problems: [] };
    const worker = fakeWorker<ImportMessage>((post) => {
      post({ type: 'progress', progress: { phase: 'reading', loaded: 5, total: 10 } });
      post({ type: 'progress', progress: { phase: 'parsing' } });
      post({ type: 'done', result });
    });
    const seen: ImportProgress[] = [];
    const out = await importFile(new Blob(['{}']), 'x.json', (p) => seen.push(p), { createWorker: () => worker });
    expect(out).toEqual({ result });
    expect(seen).toEqual([{ phase: 'reading', loaded: 5, total: 10 }, { phase: 'parsing' }]);
    expect(worker.terminated).toBe(true);
  });

  it('falls back to the page with a visible note when no worker can be created', async () => {
    const out = await importFile(new Blob([harText()]), 'flow.har', () => undefined, {
      createWorker: () => {
        throw new Error('Worker is not defined');
      },
    });
    expect(out.result.entries.length).toBeGreaterThan(0);
    expect(out.fallbackNote).toMatch(/Parsed on the page.*Worker is not defined/);
  });

  it('falls back when the worker fails to load (a CSP refusal shows up as an error event)', async () => {
    const worker = fakeWorker((_post, fail) => fail('Refused to create a worker'));
    const out = await importFile(new Blob([harText()]), 'flow.har', () => undefined, { createWorker: () => worker });
    expect(out.result.format).toBe('har');
    expect(out.fallbackNote).toMatch(/Refused to create a worker/);
    expect(worker.terminated).toBe(true);
  });

  it('a broken file gives a clear problem and never throws', async () => {
    const out = await importFile(new Blob(['{"log": {"entries": [']), 'broken.har', () => undefined);
    expect(out.result.entries).toEqual([]);
    expect(out.result.problems[0]?.rule).toBe('input-unrecognised');
    expect(out.result.problems[0]?.message).toMatch(/broken\.har.*not valid JSON/);
    const failing = await importFile(new Blob(['x']), 'y.txt', () => undefined, {
      read: () => {
        throw new Error('boom');
      },
    });
    expect(failing.result.problems[0]?.message).toBe('y.txt: could not be read (boom).');
  });

  it('says a file is too large for the browser to hold, and what to capture instead, without reading it twice', async () => {
    // A Blob's stream as the browser gives it: 9 chunks of 64 MB (one chunk, handed out again) is more text than
    // V8's longest string (2^29 - 24 characters).
    const chunk = new Uint8Array(64 * 1024 * 1024).fill(0x20);
    let handedOut = 0;
    const huge = {
      size: 9 * chunk.length,
      stream: () => ({ getReader: () => ({ read: async () => (handedOut++ < 9 ? { done: false, value: chunk } : { done: true, value: undefined }) }) }),
    } as unknown as Blob;
    const failure = await readFileText(huge, () => undefined).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TooLarge);
    expect((failure as Error).message).toMatch(/^at 576 MB it is larger than the 512 MB of text the browser can hold\. Capture only the sign-in/);

    // The worker's verdict stands: the page does not read the file again.
    const worker = fakeWorker<ImportMessage>((post) => post({ type: 'failed', message: (failure as Error).message, tooLarge: true }));
    const out = await importFile(huge, 'day-long.har', () => undefined, {
      createWorker: () => worker,
      read: () => {
        throw new Error('read again on the page');
      },
    });
    expect(out.fallbackNote).toBeUndefined();
    expect(out.result.problems.map((p) => p.message)).toEqual([`day-long.har: cannot be read: ${(failure as Error).message}`]);
  });

  it('reads multi-byte text split across chunks intact', async () => {
    const text = 'Zoë ☃ 𝄞 '.repeat(40_000);
    const parts: ImportProgress[] = [];
    expect(await readFileText(new Blob([text]), (p) => parts.push(p))).toBe(text);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.at(-1)).toMatchObject({ loaded: new Blob([text]).size });
  });

  it('words and fractions for the progress line', () => {
    expect(progressText('big.har', { phase: 'reading', loaded: 21, total: 50 })).toBe('Reading big.har… 42%');
    expect(progressText('big.har', { phase: 'parsing' })).toBe('Parsing big.har…');
    expect(progressText('big.har', { phase: 'analysing' })).toBe('Analysing the messages of big.har…');
    expect(progressFraction({ phase: 'reading', loaded: 1, total: 4 })).toBe(0.25);
    expect(progressFraction({ phase: 'parsing' })).toBeUndefined();
  });
});
