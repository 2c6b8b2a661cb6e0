// SAML-tracer's "mask values" replaces parameter values; the XML it decoded itself is then all we have.
import type { TraceEntry } from '../model';
import type { Decoded } from './decode';
import { failed } from './decode';

const MASK = /^\{(?:hash|obf):[^}]*\}$/;

export function isMaskedValue(value: string): boolean {
  const v = value.trim();
  return v === '{overwritten}' || MASK.test(v);
}

export function fromSavedXml(entry: TraceEntry, parameter: string): Decoded {
  if (entry.savedXml) {
    return {
      xml: entry.savedXml,
      steps: [{ name: 'saved XML', note: 'the value was masked by the capturing tool; using the XML it decoded and stored' }],
      problems: [],
    };
  }
  return {
    steps: [],
    problems: [failed(parameter, 'the value was masked by the capturing tool and the export holds no decoded XML')],
  };
}

/** SAMLRequest for request-type roots, SAMLResponse otherwise (pasted values and masked exports name none). */
export function guessParameter(xml: string): 'SAMLRequest' | 'SAMLResponse' {
  const m = /<(?![?!])(?:[\w.-]+:)?([\w.-]+)/.exec(xml.slice(0, 4096));
  const name = m?.[1] ?? '';
  return /Request$|^ArtifactResolve$/.test(name) ? 'SAMLRequest' : 'SAMLResponse';
}
