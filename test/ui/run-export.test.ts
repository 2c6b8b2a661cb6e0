import { describe, expect, it } from 'vitest';
import { exportEntries } from '../../lib/core/trace';
import { startExport } from '../../lib/ui/export/run-export';
import type { ExportMessage } from '../../lib/ui/export/protocol';
import { plantedFlow, SECRETS } from '../core/trace/flow';
import { fakeWorker } from './fake-worker';

const NOW = new Date('2026-01-15T12:00:00Z');

describe('preparing an export', () => {
  it('without a worker factory prepares on the page, the same bytes exportEntries writes', async () => {
    const entries = plantedFlow();
    const out = await startExport(entries, { format: 'trace', profile: 'support' }, undefined, NOW).promise;
    expect(out.fallbackNote).toBeUndefined();
    expect(out.result?.text).toBe(exportEntries(entries, { format: 'trace', profile: 'support', now: () => NOW }).text);
    expect(out.result?.text).not.toContain(SECRETS.spCookie);
  });

  it('takes the worker result, sending it the entries, options and a time (no function crosses)', async () => {
    const result = exportEntries(plantedFlow(), { format: 'har', now: () => NOW });
    let sent: unknown;
    const worker = fakeWorker<ExportMessage>((post) => post({ type: 'done', result }));
    const post = worker.postMessage;
    worker.postMessage = (m: unknown) => {
      sent = m;
      post.call(worker, m);
    };
    const out = await startExport(plantedFlow(), { format: 'har', profile: 'share' }, () => worker, NOW).promise;
    expect(out).toEqual({ result });
    expect(sent).toMatchObject({ options: { format: 'har', profile: 'share' }, now: NOW.toISOString() });
    expect(() => structuredClone(sent)).not.toThrow();
    expect(worker.terminated).toBe(true);
  });

  it('falls back to the page with a note when the worker cannot start or fails to load', async () => {
    const thrown = await startExport(plantedFlow(), { format: 'trace' }, () => {
      throw new Error('Worker is not defined');
    }).promise;
    expect(thrown.result?.fileName).toMatch(/\.samltrace\.json$/);
    expect(thrown.fallbackNote).toMatch(/Worker is not defined/);
    const refused = await startExport(plantedFlow(), { format: 'trace' }, () => fakeWorker<ExportMessage>((_p, fail) => fail('Refused by CSP'))).promise;
    expect(refused.result).toBeDefined();
    expect(refused.fallbackNote).toMatch(/Refused by CSP/);
  });

  it('a failure inside the worker is an error in words, not an exception', async () => {
    const out = await startExport([], { format: 'trace' }, () => fakeWorker<ExportMessage>((post) => post({ type: 'failed', message: 'out of memory' }))).promise;
    expect(out).toEqual({ error: 'The export could not be prepared: out of memory' });
  });

  it('cancel terminates the worker of a preparation nobody waits for', () => {
    const worker = fakeWorker<ExportMessage>(() => undefined);
    const job = startExport(plantedFlow(), { format: 'trace' }, () => worker);
    job.cancel();
    expect(worker.terminated).toBe(true);
  });
});
