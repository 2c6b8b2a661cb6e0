// HTTP-POST (saml-bindings §3.5): base64 SAMLRequest/SAMLResponse form fields. Pasted values land here too.
import type { Binding, ExtractedMessage, TraceEntry } from '../model';
import { decodeSamlValue } from './decode';
import type { DecodeLimits } from './limits';
import { fromSavedXml, isMaskedValue } from './masked';
import { field, guarded, makeMessage } from './message';

/** A value pasted on its own (no URL): we cannot know how it travelled. */
export function isBarePaste(entry: TraceEntry): boolean {
  return entry.source === 'pasted' && entry.url === '';
}

export function postMessages(entry: TraceEntry, limits: DecodeLimits): ExtractedMessage[] {
  const fields = entry.formFields ?? [];
  const pasted = isBarePaste(entry);
  const binding: Binding = pasted ? 'Pasted' : 'HTTP-POST';
  const relay = field(fields, 'RelayState');
  const out: ExtractedMessage[] = [];
  for (const [name, value] of fields) {
    if (name !== 'SAMLRequest' && name !== 'SAMLResponse') continue;
    out.push(
      guarded(entry, binding, name, () => {
        const steps = [{ name: pasted ? `pasted ${name}` : `form field ${name}` }];
        const decoded = isMaskedValue(value)
          ? fromSavedXml(entry, name)
          : decodeSamlValue(value, { parameter: name, expect: 'plain', limits });
        const msg = makeMessage(entry, binding, name, steps, decoded);
        if (relay !== undefined) msg.relayState = relay;
        return msg;
      }),
    );
  }
  return out;
}
