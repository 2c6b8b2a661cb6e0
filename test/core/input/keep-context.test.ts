import { describe, expect, it } from 'vitest';
import { readInput } from '../../../lib/core/input';
import { requestTypeOf, type RequestType } from '../../../lib/core/http/request-type';
import type { TraceEntry } from '../../../lib/core/model';
import { IDP, SP, mixedHar } from './mixed-har';

function typeCounts(entries: TraceEntry[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entries) out[requestTypeOf(e)] = (out[requestTypeOf(e)] ?? 0) + 1;
  return out;
}

const signIn = [`${SP}/login`, `${IDP}/sso?`, `${SP}/acs`, `${SP}/home`];

describe('a HAR keeps its context', () => {
  it('keeps every entry of a sign-in among 300 other requests, and counts them', () => {
    const { text, total } = mixedHar({ before: 150, after: 150 });
    const r = readInput(text, { name: 'day.har' });
    expect(r.entries).toHaveLength(total);
    expect(r.counts).toEqual({ read: 304, kept: 304, saml: 2 });
    expect(r.problems).toEqual([]);
    // 300 others cycle through xhr, script, image, stylesheet, document; the sign-in adds 4 documents.
    expect(typeCounts(r.entries)).toEqual({ fetch: 60, script: 60, image: 60, other: 60, document: 64 });
  });

  it('finds the same types from the MIME type when the HAR names none (Firefox)', () => {
    const chrome = readInput(mixedHar({ before: 20, after: 20 }).text).entries;
    const firefox = readInput(mixedHar({ before: 20, after: 20, resourceType: false }).text).entries;
    expect(firefox.every((e) => e.resourceType === undefined)).toBe(true);
    expect(firefox.map(requestTypeOf)).toEqual(chrome.map(requestTypeOf));
  });

  it('keeps the response bodies of pages and API answers, not of scripts', () => {
    const r = readInput(mixedHar({ before: 10, after: 10 }).text);
    const bodies = (type: string) => r.entries.filter((e) => e.resourceType === type).map((e) => e.responseBody !== undefined);
    expect(bodies('xhr')).toEqual([true, true, true, true]);
    expect(bodies('script')).toEqual([false, false, false, false]);
    expect(r.entries.filter((e) => e.resourceType === 'document').every((e) => e.responseStatus === 302 || e.responseBody)).toBe(true);
  });

  it('past the limit keeps the SAML requests and their redirect chain, and says what it left out', () => {
    const { text } = mixedHar({ before: 150, after: 150 });
    const r = readInput(text, { name: 'day.har', limits: { maxOtherEntries: 100, maxOtherBodyChars: 1e9 } });
    const urls = r.entries.map((e) => e.url);
    for (const start of signIn) expect(urls.some((u) => u.startsWith(start)), start).toBe(true);
    expect(r.counts).toMatchObject({ read: 304, saml: 2 });
    expect(r.entries.length).toBe(r.counts?.kept);
    const limit = r.problems.filter((p) => p.rule === 'input-limit');
    expect(limit).toHaveLength(1);
    expect(limit[0]).toMatchObject({ severity: 'warning' });
    // 100 others, the 4 sign-in pages, and the pages on the SP's host right after them (the navigation).
    expect(limit[0]?.message).toBe(
      `day.har: Kept ${r.entries.length} of 304 entries: every request with a SAML message and the pages around it, and the first 100 other requests (the limit per file); the ${304 - r.entries.length} later other requests were left out.`,
    );
  });

  it('drops bodies of other requests past the body budget, never those of the sign-in pages', () => {
    const { text } = mixedHar({ before: 50, after: 0 });
    const r = readInput(text, { limits: { maxOtherEntries: 1_000, maxOtherBodyChars: 300 } });
    expect(r.entries).toHaveLength(54);
    const home = r.entries.find((e) => e.url === `${SP}/home`);
    expect(home?.responseBody?.text).toContain('Welcome');
    const withoutBodies = r.entries.filter((e) => e.resourceType === 'xhr' && !e.responseBody);
    expect(withoutBodies.length).toBeGreaterThan(0);
    const note = r.problems.find((p) => p.rule === 'input-limit');
    expect(note?.severity).toBe('info');
    expect(note?.message).toMatch(/^Kept \d+ requests? without a SAML message without their bodies: .*beyond 300 characters of such bodies per file\.$/);
  });
});

describe('request types', () => {
  const e = (over: Partial<TraceEntry>): TraceEntry => ({ id: 'x', source: 'webrequest', method: 'GET', url: 'https://a/', requestHeaders: [], responseHeaders: [], ...over });
  it.each<[Partial<TraceEntry>, RequestType]>([
    [{ resourceType: 'main_frame' }, 'document'],
    [{ resourceType: 'sub_frame' }, 'document'],
    [{ resourceType: 'xmlhttprequest' }, 'fetch'],
    [{ resourceType: 'Fetch' }, 'fetch'],
    [{ resourceType: 'stylesheet', responseHeaders: [{ name: 'content-type', value: 'text/html' }] }, 'other'],
    [{ resourceType: 'websocket' }, 'other'],
    [{ responseHeaders: [{ name: 'Content-Type', value: 'text/javascript; charset=utf-8' }] }, 'script'],
    [{ responseHeaders: [{ name: 'Content-Type', value: 'application/problem+json' }] }, 'fetch'],
    [{ responseBody: { text: 'x', mimeType: 'image/svg+xml' } }, 'image'],
    [{ responseStatus: 302 }, 'document'],
    [{ responseStatus: 200 }, 'other'],
  ])('%o is %s', (over, type) => {
    expect(requestTypeOf(e(over))).toBe(type);
  });
});
