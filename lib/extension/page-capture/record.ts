import type { TraceEntry } from '../../core/model';
import { fromWebRequest } from '../../core/input';
import { rawQuery } from '../../core/binding/urlencoded';
import { groupByName } from '../../core/dictionary';

/**
 * What the content script saw of a SAML message in a page: the Redirect binding's URL of the page that
 * received it, or the POST binding's form (action and its SAML fields only). A second path beside webRequest:
 * the page writes it with its own storage call, so a stopped service worker cannot lose it.
 */
export interface PageRecord {
  /** The page's URL (Redirect binding) or the form's absolute action URL (POST binding). */
  url: string;
  method: 'GET' | 'POST';
  /** POST: the form's message fields, in document order. */
  fields?: Array<[string, string]>;
  /** Date.now() in the page when it saw the message. */
  at: number;
  /** The page is a frame inside another page. */
  frame?: boolean;
}

export { PAGE_PREFIX } from '../store/keys';

/** The only form fields the content script reads: the message and what travels with it. */
export const MESSAGE_FIELDS = ['SAMLResponse', 'SAMLRequest', 'SAMLart', 'wresult'] as const;
export const COMPANION_FIELDS = ['RelayState', 'SigAlg', 'Signature', 'KeyInfo', 'wa', 'wctx'] as const;

/** Says on the entry what this path cannot see. */
export const FROM_PAGE =
  'captured from the page, not from the network: the extension background was stopped when the browser sent this request, so its headers and the response are missing';

export function isPageRecord(value: unknown): value is PageRecord {
  const r = value as PageRecord;
  return (
    typeof r === 'object' && r !== null && typeof r.url === 'string' && typeof r.at === 'number' && (r.method === 'GET' || r.method === 'POST') &&
    (r.fields === undefined || (Array.isArray(r.fields) && r.fields.every((f) => Array.isArray(f) && typeof f[0] === 'string' && typeof f[1] === 'string')))
  );
}

/** The entry the panel shows for a page record (the core normalises it as it does a webRequest capture). */
export function pageRecordToEntry(record: PageRecord, id: string, tabId: number | undefined): TraceEntry {
  const formData = groupByName(record.fields ?? []);
  const entry = fromWebRequest({
    requestId: id,
    url: record.url,
    method: record.method,
    timeStamp: record.at,
    tabId: tabId ?? -1,
    type: record.frame ? 'sub_frame' : 'main_frame',
    requestBody: record.fields ? { formData } : null,
  });
  return { ...entry, id: `pg-${id}`, incomplete: FROM_PAGE };
}

/**
 * The message an entry carries, as text that is equal for the same message caught by both paths (webRequest
 * and the page): the binding's message parameter with its value, from the form or the query.
 */
export function messageFingerprint(entry: Pick<TraceEntry, 'url' | 'formFields'>): string | undefined {
  for (const [name, value] of entry.formFields ?? []) {
    if ((MESSAGE_FIELDS as readonly string[]).includes(name)) return `${name}=${value}`;
  }
  const query = rawQuery(entry.url);
  if (query === '') return undefined;
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    if ((MESSAGE_FIELDS as readonly string[]).includes(name)) return `${name}=${safeDecode(part.slice(eq + 1))}`;
  }
  return undefined;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
