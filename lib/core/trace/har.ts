import type { HttpHeader, TraceEntry } from '../model';
import { byteLength } from './bytes';
import { TOOL } from './format';
import { headerValue, type ExportNote } from './notes';
import { decodedPairs, encodeForm, splitUrl } from './query';

/** HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), the subset SAML Lens writes. */
export interface HarDocument {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
    comment?: string;
  };
}

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    queryString: HarNameValue[];
    postData?: { mimeType: string; text: string; params?: HarNameValue[] };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    content: { size: number; mimeType: string; text?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { blocked: number; dns: number; connect: number; ssl: number; send: number; wait: number; receive: number };
  /** Chrome's name for the request's type (document, xhr, script...), kept as the capture gave it. */
  _resourceType?: string;
  /** SAML Lens fields HAR has no place for (custom fields start with "_" per HAR 1.2; other tools ignore them). */
  _samlLens?: HarSamlLens;
}

export interface HarSamlLens {
  id: string;
  source: TraceEntry['source'];
  tabId?: number;
  masked?: boolean;
  savedXml?: string;
  redacted?: boolean;
  capturedSignatures?: TraceEntry['capturedSignatures'];
}

export interface HarOptions {
  creator?: { name: string; version: string };
  /** startedDateTime for entries without a capture time (HAR requires one); defaults to the Unix epoch. */
  fallbackTime?: string;
}

function cookiePairs(header: string | undefined): HarNameValue[] {
  if (!header) return [];
  return header.split(';').flatMap((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? [] : [{ name: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim() }];
  });
}

function setCookiePairs(headers: HttpHeader[]): HarNameValue[] {
  return headers
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .flatMap((h) => h.value.split('\n'))
    .flatMap((line) => {
      const pair = line.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      return eq < 0 ? [] : [{ name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() }];
    });
}

/** HAR wants the exact ISO form with milliseconds; Chrome's importer throws on an invalid date. */
function harTime(value: string | undefined, fallback: string): { time: string; ok: boolean } {
  const ms = value ? Date.parse(value) : NaN;
  if (!Number.isNaN(ms)) return { time: new Date(ms).toISOString(), ok: true };
  return { time: new Date(Date.parse(fallback) || 0).toISOString(), ok: false };
}

function postData(e: TraceEntry): HarEntry['request']['postData'] {
  const type = headerValue(e.requestHeaders, 'content-type');
  if (e.formFields) {
    // Chrome writes both text and params; importers differ in which they read, so both carry the same data. The
    // text is form-urlencoded whatever the request sent (a multipart body's fields too): its type says so.
    return {
      mimeType: type && !/multipart\//i.test(type) ? type : 'application/x-www-form-urlencoded',
      text: encodeForm(e.formFields),
      params: e.formFields.map(([name, value]) => ({ name, value })),
    };
  }
  if (e.body !== undefined) return { mimeType: type ?? 'text/plain', text: e.body };
  return undefined;
}

function harEntry(e: TraceEntry, opts: HarOptions, notes: ExportNote[]): HarEntry {
  const started = harTime(e.capturedAt, opts.fallbackTime ?? '1970-01-01T00:00:00.000Z');
  if (!started.ok) notes.push({ entry: e.id, message: `no capture time: HAR requires one, so startedDateTime is ${started.time}` });
  const query = splitUrl(e.url).query;
  const post = postData(e);
  const location = e.redirectUrl ?? headerValue(e.responseHeaders, 'location') ?? '';
  const lens: HarSamlLens = { id: e.id, source: e.source };
  if (e.tabId !== undefined) lens.tabId = e.tabId;
  if (e.masked) lens.masked = true;
  if (e.savedXml !== undefined) lens.savedXml = e.savedXml;
  if (e.redacted) lens.redacted = true;
  if (e.capturedSignatures) lens.capturedSignatures = e.capturedSignatures;
  return {
    startedDateTime: started.time,
    time: 0,
    request: {
      method: e.method,
      url: e.url,
      httpVersion: 'HTTP/1.1',
      cookies: cookiePairs(headerValue(e.requestHeaders, 'cookie')),
      headers: e.requestHeaders.map((h) => ({ name: h.name, value: h.value })),
      queryString: query === undefined ? [] : decodedPairs(query).map(([name, value]) => ({ name, value })),
      ...(post ? { postData: post } : {}),
      headersSize: -1,
      bodySize: post ? byteLength(post.text) : 0,
    },
    response: {
      status: e.responseStatus ?? 0,
      statusText: e.responseStatusText ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: setCookiePairs(e.responseHeaders),
      headers: e.responseHeaders.map((h) => ({ name: h.name, value: h.value })),
      // Without a captured body, size 0 says "not recorded", not "empty page".
      content: e.responseBody
        ? { size: byteLength(e.responseBody.text), mimeType: e.responseBody.mimeType ?? headerValue(e.responseHeaders, 'content-type') ?? 'x-unknown', text: e.responseBody.text }
        : { size: 0, mimeType: headerValue(e.responseHeaders, 'content-type') ?? 'x-unknown' },
      redirectURL: location,
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: 0, receive: 0 },
    ...(e.resourceType ? { _resourceType: e.resourceType } : {}),
    _samlLens: lens,
  };
}

/**
 * HAR 1.2 that Chrome DevTools' Network panel imports (every field its importer reads as a number is a
 * number, every date a valid ISO date). Response bodies are written where the capture had them; timings are unknown.
 */
export function toHar(entries: TraceEntry[], opts: HarOptions = {}): { har: HarDocument; notes: ExportNote[] } {
  const notes: ExportNote[] = [];
  const harEntries = entries.map((e) => harEntry(e, opts, notes));
  if (entries.some((e) => e.responseBody?.truncated)) {
    notes.push({ message: 'some response bodies were captured only in part (their first characters); the HAR holds what was captured' });
  }
  if (entries.some((e) => e.savedXml !== undefined || e.capturedSignatures)) {
    notes.push({ message: 'saved SAML XML and captured signature verdicts are kept in the custom "_samlLens" field, which tools other than SAML Lens ignore' });
  }
  return {
    har: {
      log: {
        version: '1.2',
        creator: opts.creator ?? { ...TOOL },
        entries: harEntries,
        comment: 'Exported by SAML Lens. Timings were not captured; response bodies only where the capture had them (HAR import, the DevTools panel).',
      },
    },
    notes,
  };
}
