import { createSign } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { ALG } from './sign';
import type { TestKey } from './keys';

/** The value of an HTTP-POST SAMLRequest/SAMLResponse form field. */
export function encodePostValue(xml: string): string {
  return Buffer.from(xml, 'utf8').toString('base64');
}

export interface RedirectOptions {
  param: 'SAMLRequest' | 'SAMLResponse';
  relayState?: string;
  /** Sign the query (saml-bindings §3.4.4.1) with RSA-SHA256. */
  key?: TestKey;
  sigAlg?: 'rsa-sha256' | 'rsa-sha1';
}

/** The query string (without '?') of an HTTP-Redirect message: raw DEFLATE, base64, URL-encoded, optionally signed. */
export function encodeRedirectQuery(xml: string, opts: RedirectOptions): string {
  const value = deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64');
  let query = `${opts.param}=${encodeURIComponent(value)}`;
  if (opts.relayState !== undefined) query += `&RelayState=${encodeURIComponent(opts.relayState)}`;
  if (!opts.key) return query;
  const alg = opts.sigAlg ?? 'rsa-sha256';
  query += `&SigAlg=${encodeURIComponent(ALG[alg])}`;
  const signer = createSign(alg === 'rsa-sha1' ? 'RSA-SHA1' : 'RSA-SHA256');
  signer.update(query, 'utf8');
  return `${query}&Signature=${encodeURIComponent(signer.sign(opts.key.privateKeyPem, 'base64'))}`;
}
