// The extension's capture filter: must stay cheap, runs on every request.
import type { TraceEntry } from '../model';
import { hasSamlProtocolNamespace } from './body';
import { messageField } from './post';
import { rawQuery } from './urlencoded';

const QUERY_MESSAGE = /(?:^|&)(?:SAMLRequest|SAMLResponse|SAMLart)=/;
const QUERY_WRESULT = /(?:^|&)wresult=/;
const QUERY_WA = /(?:^|&)wa=/;
const FORM_MESSAGE = new Set(['SAMLRequest', 'SAMLResponse', 'SAMLart']);

export function looksLikeSaml(entry: TraceEntry): boolean {
  if (entry.savedXml) return true;
  const query = rawQuery(entry.url ?? '');
  if (query !== '') {
    if (QUERY_MESSAGE.test(query)) return true;
    if (QUERY_WRESULT.test(query) && QUERY_WA.test(query)) return true;
  }
  const fields = entry.formFields ?? [];
  let wresult = false;
  let wa = QUERY_WA.test(query);
  for (const [name] of fields) {
    // A look-alike name (` SAMLResponse`, `samlresponse`) is captured too: some SPs read it as the message.
    if (FORM_MESSAGE.has(name) || messageField(name)) return true;
    if (name === 'wresult') wresult = true;
    if (name === 'wa') wa = true;
  }
  if (wresult && wa) return true;
  return entry.body !== undefined && hasSamlProtocolNamespace(entry.body);
}
