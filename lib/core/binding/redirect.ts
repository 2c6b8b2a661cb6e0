// HTTP-Redirect (saml-bindings §3.4): SAMLRequest/SAMLResponse deflated in the query, signed over raw octets.
import type { ExtractedMessage, RedirectSignature, TraceEntry } from '../model';
import { decodeSamlValue, overEncodedCap, type Decoded } from './decode';
import type { DecodeLimits } from './limits';
import { fromSavedXml, isMaskedValue } from './masked';
import { guarded, makeMessage } from './message';
import { readRedirectParams } from './redirect-params';
import { formatCount } from './sizes';
import { formDecode, type RawParam } from './urlencoded';

export function redirectMessages(entry: TraceEntry, params: RawParam[], limits: DecodeLimits): ExtractedMessage[] {
  const { carried, relay, sigAlg, signature, refused, problem } = readRedirectParams(params);
  if (carried.length === 0) return [];

  return carried.map((p) =>
    guarded(entry, 'HTTP-Redirect', p.name, () => {
      const steps = [{ name: `query parameter ${p.name}` }];
      let decoded: Decoded;
      const tooBig = overEncodedCap(p.name, p.rawValue.length, limits);
      if (tooBig) {
        decoded = { steps: [], problems: [tooBig] };
      } else {
        const value = formDecode(p.rawValue);
        steps.push({
          name: 'url-decode',
          ...(value === p.rawValue
            ? { note: 'nothing to decode' }
            : { note: `${formatCount(p.rawValue.length)} -> ${formatCount(value.length)} chars` }),
        });
        decoded = isMaskedValue(value)
          ? fromSavedXml(entry, p.name)
          : decodeSamlValue(value, { parameter: p.name, expect: 'deflate', limits });
      }
      const msg = makeMessage(entry, 'HTTP-Redirect', p.name, steps, decoded);
      if (relay) msg.relayState = formDecode(relay.rawValue);
      if (sigAlg || signature) msg.redirectSignature = querySignature(p, relay, sigAlg, signature);
      if (refused && msg.redirectSignature) msg.redirectSignature.refused = refused;
      if (problem) msg.problems.push({ ...problem });
      return msg;
    }),
  );
}

/**
 * §3.4.4.1: the signature covers `SAMLRequest=value&RelayState=value&SigAlg=value` built from the values
 * exactly as they appear in the URL, in this order whatever the URL's order; re-encoding would change them.
 */
function querySignature(
  message: RawParam,
  relay: RawParam | undefined,
  sigAlg: RawParam | undefined,
  signature: RawParam | undefined,
): RedirectSignature {
  const parts = [message.raw];
  if (relay) parts.push(relay.raw);
  if (sigAlg) parts.push(sigAlg.raw);
  const out: RedirectSignature = { signedOctets: parts.join('&') };
  if (sigAlg) out.sigAlg = formDecode(sigAlg.rawValue);
  // base64 has no spaces: a space here is a '+' the sender forgot to percent-encode.
  if (signature) out.signature = formDecode(signature.rawValue).replace(/ /g, '+');
  return out;
}
