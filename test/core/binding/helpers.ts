import { deflateRawSync } from 'node:zlib';
import type { TraceEntry } from '../../../lib/core/model';

export function entry(partial: Partial<TraceEntry>): TraceEntry {
  return { id: 'e1', source: 'har', method: 'GET', url: '', requestHeaders: [], responseHeaders: [], ...partial };
}

export const b64 = (text: string | Uint8Array): string => Buffer.from(text).toString('base64');
export const deflated = (text: string | Uint8Array): string => deflateRawSync(Buffer.from(text)).toString('base64');

export const LOGOUT_RESPONSE =
  '<samlp:LogoutResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_lr1" Version="2.0" ' +
  'IssueInstant="2026-01-15T10:00:00Z" InResponseTo="_lq1"><samlp:Status><samlp:StatusCode ' +
  'Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:LogoutResponse>';
