// A file nested deeper than the call stack (JSON.parse accepts it, recursion does not) must cost the reader one
// value at most, never the whole import or export.
import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../../../lib/core/model';
import { readInput } from '../../../lib/core/input';
import { exportEntries, parseTrace } from '../../../lib/core/trace';
import { redact } from '../../../lib/core/trace/redact';
import { plantedFlow } from './flow';

const DEPTH = 10_000;
const deepList = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
const deepObject = `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`;
const TOKEN = 'Zk9xQ2VtS3pPbWx4N2Fhb3BRabcDEF123';

/** `doc` as JSON with the string "__DEEP__" at `set`'s place replaced by `deep` (JSON.stringify could not write it). */
function withDeep(doc: unknown, set: (doc: never) => void, deep: string): string {
  const copy = structuredClone(doc);
  set(copy as never);
  return JSON.stringify(copy).replace('"__DEEP__"', deep);
}

const har = JSON.parse(exportEntries(plantedFlow(), { format: 'har', profile: 'none' }).text) as { log: { entries: Array<{ startedDateTime: unknown; request: { headers: unknown } }> } };
const entryCount = har.log.entries.length;

describe('a JSON body nested thousands deep', () => {
  it.each([
    ['a response body', (deep: string): Partial<TraceEntry> => ({ responseBody: { text: `{"access_token":"${TOKEN}","data":${deep}}`, mimeType: 'application/json' } })],
    ['a request body', (deep: string): Partial<TraceEntry> => ({ body: `{"access_token":"${TOKEN}","data":${deep}}`, requestHeaders: [{ name: 'Content-Type', value: 'application/json' }] })],
  ])('in %s is redacted and kept', (_where, make) => {
    for (const deep of [deepList, deepObject]) {
      const e: TraceEntry = { id: 'e1', source: 'har', method: 'POST', url: 'https://api.example.test/x', requestHeaders: [], responseHeaders: [], ...make(deep) };
      const out = redact([e], 'share').entries[0]!;
      const text = out.responseBody?.text ?? out.body ?? '';
      expect(text).not.toContain(TOKEN);
      expect(text).toContain(deep.slice(0, 100));
      expect(text.length).toBeGreaterThan(deep.length);
    }
  });

  it('exported to HAR with the rest of the capture', () => {
    const deepEntry: TraceEntry = { id: 'deep', source: 'har', method: 'GET', url: 'https://api.example.test/deep', requestHeaders: [], responseHeaders: [], responseBody: { text: deepList, mimeType: 'application/json' } };
    const out = exportEntries([...plantedFlow(), deepEntry], { format: 'har', profile: 'share' });
    expect((JSON.parse(out.text) as typeof har).log.entries).toHaveLength(entryCount + 1);
  });
});

describe('a value nested thousands deep where a reader expects text', () => {
  it.each<[string, (doc: typeof har) => void]>([
    ['a header value', (d) => (d.log.entries[0]!.request.headers = [{ name: 'X-Odd', value: '__DEEP__' }])],
    ['startedDateTime', (d) => (d.log.entries[0]!.startedDateTime = '__DEEP__')],
  ])('in a HAR (%s) costs that value, not the file', (_where, set) => {
    for (const deep of [deepList, deepObject]) {
      const result = readInput(withDeep(har, set, deep), { name: 'deep.har' });
      expect(result.format).toBe('har');
      expect(result.entries).toHaveLength(entryCount);
      expect(result.problems.map((p) => p.message).join('\n')).not.toMatch(/stack|could not be read/i);
    }
  });

  const trace = JSON.parse(exportEntries(plantedFlow(), { format: 'trace', profile: 'none' }).text) as { version: unknown; tool: unknown; settings: unknown; entries: Array<{ requestHeaders: unknown }> };

  it.each<[string, (doc: typeof trace) => void]>([
    ['a header value', (d) => (d.entries[0]!.requestHeaders = [{ name: 'X-Odd', value: '__DEEP__' }])],
    ['the tool name', (d) => (d.tool = { name: '__DEEP__' })],
    ['a saved profile document', (d) => (d.settings = { profileDocument: { name: 'p', extra: '__DEEP__' } })],
  ])('in a SAML Lens trace (%s) costs that value, not the file', (_where, set) => {
    for (const deep of [deepList, deepObject]) {
      const parsed = parseTrace(withDeep(trace, set, deep));
      expect(parsed.problems).toEqual([]);
      expect(parsed.trace?.entries).toHaveLength(trace.entries.length);
      expect(parsed.trace?.settings.profileDocument).toBeUndefined();
    }
  });

  it('as a trace version is refused in words', () => {
    const parsed = parseTrace(withDeep(trace, (d: typeof trace) => (d.version = '__DEEP__'), deepList));
    expect(parsed.problems[0]?.message).toBe('Cannot open this trace: the trace has no valid version number (found a list).');
  });
});
