// Messages carried as a whole request body: SOAP back-channel calls, and XML pasted on its own.
import type { DecodeStep, ExtractedMessage, TraceEntry } from '../model';
import { overEncodedCap, type Decoded } from './decode';
import type { DecodeLimits } from './limits';
import { guarded, makeMessage } from './message';
import { isBarePaste } from './post';
import { formatBytes } from './sizes';

const SAML_PROTOCOL = /urn:oasis:names:tc:SAML:(?:2\.0|1\.0|1\.1):protocol/;
const ENVELOPE = /<(?:[\w.-]+:)?Envelope[\s>]/;

export function hasSamlProtocolNamespace(text: string): boolean {
  return SAML_PROTOCOL.test(text);
}

export function bodyMessages(entry: TraceEntry, limits: DecodeLimits): ExtractedMessage[] {
  const body = entry.body;
  if (body === undefined || body.trim() === '') return [];
  if (isBarePaste(entry)) {
    if (!body.trimStart().startsWith('<')) return [];
    return [
      guarded(entry, 'Pasted', 'pasted', () =>
        makeMessage(entry, 'Pasted', 'pasted', [{ name: 'pasted XML', note: formatBytes(body.length) }], asIs(body, 'pasted', limits)),
      ),
    ];
  }
  if (!hasSamlProtocolNamespace(body)) return [];
  return [
    guarded(entry, 'SOAP', 'body', () => {
      const envelope = ENVELOPE.test(body.slice(0, 4096));
      const steps: DecodeStep[] = [{ name: 'request body', note: formatBytes(body.length) }];
      steps.push(
        envelope
          ? { name: 'soap-unwrap', note: 'SOAP Envelope: the XML parser takes the SAML message from its Body' }
          : { name: 'no SOAP envelope', note: 'the body is the SAML message itself' },
      );
      return makeMessage(entry, 'SOAP', 'body', steps, asIs(body, 'body', limits));
    }),
  ];
}

function asIs(text: string, parameter: string, limits: DecodeLimits): Decoded {
  const tooBig = overEncodedCap(parameter, text.length, limits);
  return tooBig ? { steps: [], problems: [tooBig] } : { xml: text, steps: [], problems: [] };
}
