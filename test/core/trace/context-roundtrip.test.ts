import { describe, expect, it } from 'vitest';
import { extractMessages } from '../../../lib/core/binding';
import { readInput } from '../../../lib/core/input';
import type { TraceEntry } from '../../../lib/core/model';
import { exportEntries } from '../../../lib/core/trace';
import { OTHER_SECRETS, mixedHar } from '../input/mixed-har';
import { leaks } from './leaks';

const NOW = () => new Date('2026-02-01T08:00:00Z');

/** What must survive a round trip: the request, its time and type, and its SAML messages. */
function shape(entries: TraceEntry[]): unknown[] {
  return entries.map((e) => [e.method, e.url, e.capturedAt, e.resourceType, e.responseStatus, extractMessages(e).map((m) => m.xml)]);
}

describe('round trips keep every entry', () => {
  const { text, total } = mixedHar({ before: 120, after: 120 });
  const original = readInput(text).entries;

  it('HAR -> HAR', () => {
    const out = exportEntries(original, { format: 'har', profile: 'none', now: NOW });
    const back = readInput(out.text);
    expect(back.entries).toHaveLength(total);
    expect(shape(back.entries)).toEqual(shape(original));
    // Response bodies of the other requests travel too (the pages around a failure).
    expect(back.entries.filter((e) => e.responseBody).length).toBe(original.filter((e) => e.responseBody).length);
  });

  it('HAR -> SAML-tracer -> HAR, with each request\'s capture time', () => {
    const tracer = exportEntries(original, { format: 'saml-tracer', profile: 'none', now: NOW });
    const doc = JSON.parse(tracer.text) as { requests: Array<Record<string, unknown>>; timestamp: string };
    expect(doc.requests).toHaveLength(total);
    expect(doc.timestamp).toBe('2026-02-01T08:00:00.000Z');
    expect(doc.requests[5]).toMatchObject({ _samlLens: { capturedAt: original[5]?.capturedAt } });
    const fromTracer = readInput(tracer.text).entries;
    const har = exportEntries(fromTracer, { format: 'har', profile: 'none', now: NOW });
    const back = readInput(har.text).entries;
    expect(back).toHaveLength(total);
    // SAML-tracer has no response bodies or request bodies other than forms: the rest must be there.
    expect(back.map((e) => [e.method, e.url, e.capturedAt, e.resourceType])).toEqual(original.map((e) => [e.method, e.url, e.capturedAt, e.resourceType]));
    expect(back.flatMap((e) => extractMessages(e).map((m) => m.xml))).toEqual(original.flatMap((e) => extractMessages(e).map((m) => m.xml)));
  });

  it('a SAML-tracer file without SAML Lens times still takes the export time', () => {
    const tracer = JSON.parse(exportEntries(original, { format: 'saml-tracer', profile: 'none', now: NOW }).text) as { requests: Array<Record<string, unknown>> };
    for (const r of tracer.requests) delete r._samlLens;
    const back = readInput(JSON.stringify({ ...tracer, timestamp: '2026-02-01T08:00:00.000Z' })).entries;
    expect(new Set(back.map((e) => e.capturedAt))).toEqual(new Set(['2026-02-01T08:00:00.000Z']));
  });

  it.each(['har', 'saml-tracer', 'trace'] as const)('support redaction removes the credentials of the other requests (%s)', (format) => {
    const out = exportEntries(original, { format, profile: 'support', now: NOW });
    expect(leaks(out.text, { cookie: OTHER_SECRETS.cookie, bearer: OTHER_SECRETS.bearer, apiKey: OTHER_SECRETS.apiKey })).toEqual([]);
    expect(readInput(out.text).entries).toHaveLength(total);
  });

  it.each(['har', 'saml-tracer', 'trace'] as const)('share redaction also removes the e-mail addresses in their URLs and bodies (%s)', (format) => {
    const out = exportEntries(original, { format, profile: 'share', now: NOW });
    expect(leaks(out.text, OTHER_SECRETS)).toEqual([]);
  });
});
