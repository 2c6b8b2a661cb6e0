// HTTP-POST (saml-bindings §3.5): base64 SAMLRequest/SAMLResponse form fields. Pasted values land here too.
import { withoutWhitespace } from '../compact-base64';
import type { Binding, ExtractedMessage, Problem, TraceEntry } from '../model';
import { decodeSamlValue } from './decode';
import type { DecodeLimits } from './limits';
import { fromSavedXml, isMaskedValue } from './masked';
import { field, guarded, makeMessage } from './message';
import { semicolonPairs } from './urlencoded';

/** A value pasted on its own (no URL): we cannot know how it travelled. */
export function isBarePaste(entry: TraceEntry): boolean {
  return entry.source === 'pasted' && entry.url === '';
}

/**
 * The message field a form field's name is to some receiver: PHP skips leading spaces, ends a name at a NUL
 * byte and reads `name[...]` as an array under `name` (php_register_variable_ex in php-src
 * main/php_variables.c); ASP.NET's Request.Form matches names without case.
 */
export function messageField(name: string): 'SAMLRequest' | 'SAMLResponse' | undefined {
  if (name === 'SAMLRequest' || name === 'SAMLResponse') return name;
  // One match and no copies: asked of every field of every form, 100,000 of them in one POST.
  const read = MESSAGE_FIELD.exec(name)?.[1];
  return read === undefined ? undefined : read.toLowerCase() === 'request' ? 'SAMLRequest' : 'SAMLResponse';
}

/** Leading spaces, the name without case, then the end, a NUL or a `[`. */
const MESSAGE_FIELD = /^ *saml(request|response)(?:[\0[]|$)/i;

/** Why the form's message fields are ambiguous (several values, or a look-alike name), or undefined. */
function ambiguity(carried: Array<readonly [string, string, string]>): Problem | undefined {
  // The usual form: one field under its exact name (and no Set of a message tens of kilobytes long to hash).
  if (carried.length === 1 && carried[0]![0] === carried[0]![1]) return undefined;
  const lookalikes = [...new Set(carried.filter(([raw, name]) => raw !== name).map(([raw]) => JSON.stringify(raw)))];
  const values = new Set(carried.map(([, , value]) => value));
  if (values.size < 2 && lookalikes.length === 0) return undefined;
  const parts = [
    ...(values.size > 1 ? [`posts the SAML message ${carried.length} times with ${values.size} different values`] : []),
    ...(lookalikes.length ? [`names a message field ${lookalikes.slice(0, 3).join(', ')}, which some receivers read as ${carried.find(([raw, name]) => raw !== name)![1]}`] : []),
  ];
  return {
    rule: 'post-field-duplicate',
    severity: 'error',
    message: `The form ${parts.join(' and ')}: receivers disagree on which copy they read (the first, the last, names trimmed or matched without case), so one can act on a message other than the one judged here; every copy is judged.`,
  };
}

export function postMessages(entry: TraceEntry, limits: DecodeLimits): ExtractedMessage[] {
  const fields = entry.formFields ?? [];
  const pasted = isBarePaste(entry);
  const binding: Binding = pasted ? 'Pasted' : 'HTTP-POST';
  const relay = field(fields, 'RelayState');
  const carried = fields.flatMap(([raw, value]) => {
    const name = messageField(raw);
    const hidden = semicolonPairs(value).flatMap((p) => {
      const behind = messageField(p.name);
      // The field's value is decoded already: what follows the '=' is the copy's value as is.
      return behind ? [[`${raw}=...;${p.name}`, behind, p.rawValue] as const] : [];
    });
    return name ? [[raw, name, value] as const, ...hidden] : hidden;
  });
  const problem = ambiguity(carried);
  // HTTP-POST-SimpleSign (OASIS, SAML V2.0 HTTP POST "SimpleSign" Binding): SigAlg and Signature fields sign
  // "SAMLResponse=<the decoded XML>&RelayState=<value>&SigAlg=<value>", raw values, RelayState only when present
  // (samlify's src/binding-simplesign.ts, https://github.com/tngan/samlify, builds the same string).
  const sigAlgs = fields.filter(([n]) => n === 'SigAlg').map(([, v]) => v);
  const signatures = fields.filter(([n]) => n === 'Signature').map(([, v]) => v);
  const simpleSign = !pasted && (sigAlgs.length > 0 || signatures.length > 0);
  const repeated = sigAlgs.length > 1 || signatures.length > 1 || fields.filter(([n]) => n === 'RelayState').length > 1;
  return carried.map(([raw, name, value]) =>
    guarded(entry, binding, name, () => {
      const label = raw === name ? name : JSON.stringify(raw);
      const steps = [{ name: pasted ? `pasted ${label}` : `form field ${label}` }];
      const decoded = isMaskedValue(value) ? fromSavedXml(entry, name) : decodeSamlValue(value, { parameter: name, expect: 'plain', limits });
      const msg = makeMessage(entry, binding, name, steps, decoded);
      if (relay !== undefined) msg.relayState = relay;
      if (problem) msg.problems.push({ ...problem });
      if (simpleSign && msg.xml !== undefined) {
        msg.redirectSignature = {
          simpleSign: true,
          ...(sigAlgs[0] !== undefined ? { sigAlg: sigAlgs[0] } : {}),
          ...(signatures[0] !== undefined ? { signature: withoutWhitespace(signatures[0]) } : {}),
          signedOctets: `${name}=${msg.xml}${relay ? `&RelayState=${relay}` : ''}${sigAlgs[0] !== undefined ? `&SigAlg=${sigAlgs[0]}` : ''}`,
          ...(problem || repeated ? { refused: 'refused: the form carries the message, SigAlg, Signature or RelayState more than once, so the signature need not cover what the receiver reads' } : {}),
        };
      }
      return msg;
    }),
  );
}
