import { describe, expect, it } from 'vitest';
import { extractMessages } from '../../../lib/core/binding';
import { readInput } from '../../../lib/core/input';
import type { TraceEntry } from '../../../lib/core/model';
import {
  exportEntries,
  parseTrace,
  serializeTrace,
  toHar,
  toSamlTracer,
  TRACE_VERSION,
  migrate,
  type Migration,
} from '../../../lib/core/trace';
import { plantedFlow } from './flow';

const NOW = () => new Date('2026-01-15T12:00:00Z');

/** What a user sees of each SAML message: where it was carried and the decoded bytes. */
function messages(entries: TraceEntry[]): string[] {
  return entries.flatMap((e) => extractMessages(e).map((m) => `${m.binding} ${m.parameter} ${m.relayState ?? ''} ${m.xml ?? m.artifact?.raw ?? ''}`));
}

describe('native trace format', () => {
  it('round-trips entries exactly, with the settings minus the private key', () => {
    const entries = plantedFlow();
    const text = serializeTrace({
      entries,
      settings: { profile: 'twilio-flex', acsUrl: 'https://sp.example.test/acs', spPrivateKeyPem: '-----BEGIN PRIVATE KEY-----\nAAAA' },
      createdAt: '2026-01-15T12:00:00.000Z',
    });
    expect(text).not.toContain('PRIVATE KEY');
    const parsed = parseTrace(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.trace?.entries).toEqual(entries);
    expect(parsed.trace?.settings).toEqual({ profile: 'twilio-flex', acsUrl: 'https://sp.example.test/acs' });
    expect(parsed.trace?.version).toBe(TRACE_VERSION);
    expect(messages(parsed.trace?.entries ?? [])).toEqual(messages(entries));
  });

  it('accepts already-parsed JSON, and explains what is wrong with anything else', () => {
    const doc = JSON.parse(serializeTrace({ entries: plantedFlow() }));
    expect(parseTrace(doc).trace?.entries).toHaveLength(6);
    expect(parseTrace('{not json').problems[0]?.message).toMatch(/not valid JSON/);
    expect(parseTrace({ log: { entries: [] } }).problems[0]?.message).toMatch(/Not a SAML Lens trace/);
    for (const p of [parseTrace('{not json'), parseTrace({}), parseTrace(null)]) {
      expect(p.trace).toBeUndefined();
      expect(p.problems[0]?.rule).toBe('input-unrecognised');
    }
  });

  it('refuses a newer version clearly instead of misreading it', () => {
    const doc = { ...JSON.parse(serializeTrace({ entries: plantedFlow() })), version: TRACE_VERSION + 1 };
    const parsed = parseTrace(doc);
    expect(parsed.trace).toBeUndefined();
    expect(parsed.problems[0]?.message).toMatch(/newer SAML Lens \(trace format version 2\).*Update SAML Lens/);
  });

  it('upgrades an older version through the migration table, one step at a time', () => {
    // A synthetic future: version 3 is current, v1 stored `time`, v2 renamed it `capturedAt`, v3 added `verdicts`.
    const table: Record<number, Migration> = {
      1: (d) => ({ ...d, entries: (d.entries as Array<Record<string, unknown>>).map(({ time, ...r }) => ({ ...r, capturedAt: time })) }),
      2: (d) => ({ ...d, verdicts: [] }),
    };
    const v1 = { format: 'saml-lens-trace', version: 1, entries: [{ id: 'a', url: 'https://x.test/', time: '2026-01-01T00:00:00.000Z' }] };
    const done = migrate(v1, 3, table);
    expect(done).toEqual({
      ok: true,
      from: 1,
      doc: { format: 'saml-lens-trace', version: 3, entries: [{ id: 'a', url: 'https://x.test/', capturedAt: '2026-01-01T00:00:00.000Z' }], verdicts: [] },
    });
    expect(migrate(v1, 3, { 1: table[1] as Migration })).toEqual({ ok: false, reason: 'no migration from trace format version 2 to 3' });
    expect(migrate({ version: 'one' }, 3, table)).toMatchObject({ ok: false, reason: expect.stringMatching(/no valid version/) });
    const throwing = migrate(v1, 2, { 1: () => { throw new Error('boom'); } });
    expect(throwing).toEqual({ ok: false, reason: 'the trace could not be upgraded from format version 1 to 2' });
    // parseTrace runs the same machinery: today's version needs no step.
    expect(parseTrace(JSON.parse(serializeTrace({ entries: plantedFlow() })), {}).fromVersion).toBe(1);
  });

  it('skips a broken entry with a problem and keeps the others', () => {
    const doc = JSON.parse(serializeTrace({ entries: plantedFlow() }));
    doc.entries.splice(1, 0, { id: 'broken', method: 'GET' }, 'nonsense');
    doc.entries.push({ ...doc.entries[0] });
    const parsed = parseTrace(doc);
    expect(parsed.trace?.entries).toHaveLength(7);
    expect(parsed.problems).toHaveLength(2);
    expect(parsed.problems[0]?.message).toMatch(/entry 2 has no URL; it was skipped/);
    // A repeated id would attach one message's stored verdict to another: it is made unique.
    const ids = parsed.trace?.entries.map((e) => e.id) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('HAR export', () => {
  /** What Chrome DevTools' HAR importer (front_end/models/har/HARFormat.ts) requires, or it rejects the file. */
  function chromeWouldImport(har: unknown): string[] {
    const errors: string[] = [];
    const obj = (v: unknown, where: string) => (typeof v === 'object' && v !== null ? true : (errors.push(`${where} is not an object`), false));
    const num = (v: unknown, where: string) => Number.isNaN(Number(v)) && errors.push(`${where} is NaN`);
    const date = (v: unknown, where: string) => Number.isNaN(new Date(v as string).getTime()) && errors.push(`${where} is not a date`);
    const h = har as { log?: { creator?: unknown; entries?: unknown[] } };
    if (!obj(h, 'root') || !obj(h.log, 'log') || !obj(h.log?.creator, 'creator')) return errors;
    if (!Array.isArray(h.log?.entries)) return [...errors, 'log.entries is not an array'];
    h.log.entries.forEach((raw, i) => {
      const e = raw as Record<string, Record<string, unknown>>;
      date(e.startedDateTime, `${i}.startedDateTime`);
      num(e.time, `${i}.time`);
      if (obj(e.request, `${i}.request`)) {
        num(e.request?.headersSize, `${i}.request.headersSize`);
        num(e.request?.bodySize, `${i}.request.bodySize`);
      }
      if (obj(e.response, `${i}.response`)) {
        num(e.response?.status, `${i}.response.status`);
        num(e.response?.headersSize, `${i}.response.headersSize`);
        num(e.response?.bodySize, `${i}.response.bodySize`);
        if (obj(e.response?.content, `${i}.response.content`)) num((e.response?.content as Record<string, unknown>).size, `${i}.content.size`);
      }
      if (obj(e.timings, `${i}.timings`)) for (const k of ['send', 'wait', 'receive']) num(e.timings?.[k], `${i}.timings.${k}`);
    });
    return errors;
  }

  it('writes every field HAR 1.2 requires, in the types Chrome DevTools checks', () => {
    const entries = plantedFlow();
    delete entries[2]?.capturedAt;
    const { har, notes } = toHar(entries, { fallbackTime: '2026-01-15T12:00:00.000Z' });
    expect(chromeWouldImport(har)).toEqual([]);
    expect(har.log.version).toBe('1.2');
    const e = har.log.entries[3];
    expect(e?.request).toMatchObject({ method: 'POST', httpVersion: 'HTTP/1.1', headersSize: -1 });
    expect(e?.request.postData?.mimeType).toBe('application/x-www-form-urlencoded');
    expect(e?.request.postData?.params?.[0]?.name).toBe('SAMLResponse');
    expect(e?.request.cookies).toEqual([{ name: 'sp_session', value: 'spSess-7f3a9c2e41d8b6' }]);
    expect(e?.response.cookies[0]?.name).toBe('sp_session');
    expect(har.log.entries[0]?.response.redirectURL).toContain('https://idp.example.test/sso?SAMLRequest=');
    expect(har.log.entries[1]?.request.queryString.map((q) => q.name)).toEqual(['SAMLRequest', 'RelayState', 'SigAlg', 'Signature']);
    // The missing capture time is not hidden: the note says which time was put instead.
    expect(har.log.entries[2]?.startedDateTime).toBe('2026-01-15T12:00:00.000Z');
    expect(notes.find((n) => n.entry === 'e3')?.message).toMatch(/no capture time/);
  });

  it('round-trips through the HAR reader: every entry, same messages, same capture times', () => {
    const entries = plantedFlow();
    const out = exportEntries(entries, { format: 'har', profile: 'none', now: NOW });
    const back = readInput(out.text);
    expect(back.format).toBe('har');
    expect(back.entries.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    expect(messages(back.entries)).toEqual(messages(entries));
    expect(back.entries.map((e) => e.capturedAt)).toEqual(entries.map((e) => e.capturedAt));
  });

  it('keeps a raw SOAP body as postData text', () => {
    const soap: TraceEntry = {
      id: 's1',
      source: 'har',
      method: 'POST',
      url: 'https://idp.example.test/ars',
      requestHeaders: [{ name: 'Content-Type', value: 'text/xml' }],
      body: '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>',
      responseHeaders: [],
      capturedAt: '2026-01-15T10:00:00.000Z',
    };
    const { har } = toHar([soap]);
    expect(har.log.entries[0]?.request.postData).toEqual({ mimeType: 'text/xml', text: soap.body });
  });
});

describe('SAML-tracer export', () => {
  it('writes the fields SAML-tracer 1.x imports, with the decoded XML in `saml`', () => {
    const { document, notes } = toSamlTracer(plantedFlow(), { timestamp: '2026-01-15T12:00:00.000Z' });
    expect(document.timestamp).toBe('2026-01-15T12:00:00.000Z');
    const post = document.requests[3];
    expect(post).toMatchObject({ method: 'POST', requestId: 'e4', protocol: 'SAML-P', responseStatus: 302, responseStatusText: 'HTTP/1.1 302 Found' });
    expect(post?.post?.[0]?.[0]).toBe('SAMLResponse');
    expect(post?.postData?.RelayState).toHaveLength(1);
    expect(post?.saml).toMatch(/^<samlp:Response /);
    expect(post?.get).toBeUndefined();
    const redirect = document.requests[1];
    expect(redirect?.get?.map(([n]) => n)).toEqual(['SAMLRequest', 'RelayState', 'SigAlg', 'Signature']);
    expect(redirect?.saml).toMatch(/^<samlp:AuthnRequest /);
    // No request without SAML parameters claims a protocol.
    expect(document.requests[0]?.protocol).toBeUndefined();
    expect(notes.some((n) => /no per-request time/.test(n.message))).toBe(true);
  });

  it('round-trips through the SAML-tracer reader: same messages', () => {
    const entries = plantedFlow();
    const out = exportEntries(entries, { format: 'saml-tracer', profile: 'none', now: NOW });
    const back = readInput(out.text);
    expect(back.format).toBe('saml-tracer');
    expect(messages(back.entries)).toEqual(messages(entries.filter((e) => extractMessages(e).length > 0)));
  });

  it('reports a body it cannot hold instead of dropping it silently', () => {
    const soap: TraceEntry = { id: 's1', source: 'har', method: 'POST', url: 'https://idp.example.test/ars', requestHeaders: [], body: '<x/>', responseHeaders: [] };
    expect(toSamlTracer([soap]).notes[0]).toEqual({ entry: 's1', message: expect.stringMatching(/not form data/) });
  });
});

describe('export selection', () => {
  it('exports the chosen subset and names ids that were not there', () => {
    const out = exportEntries(plantedFlow(), { format: 'trace', entryIds: ['e4', 'e9'], now: NOW });
    expect(parseTrace(out.text).trace?.entries.map((e) => e.id)).toEqual(['e4']);
    expect(out.notes).toEqual([{ entry: 'e9', message: expect.stringMatching(/no captured entry/) }]);
    expect(out.fileName).toBe('saml-lens-2026-01-15T12-00-00-000Z.samltrace.json');
  });
});
