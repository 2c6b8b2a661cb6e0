import { SignedXml } from 'xml-crypto';
import type { TestKey } from './keys';

export const ALG = {
  'rsa-sha256': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'rsa-sha1': 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  sha1: 'http://www.w3.org/2000/09/xmldsig#sha1',
  excC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  enveloped: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
} as const;

export interface SignOptions {
  key: TestKey;
  /** Which elements to sign: the document root, and/or the Assertion that is the root's child (or the root itself). */
  targets: Array<'root' | 'assertion'>;
  signatureAlgorithm?: 'rsa-sha256' | 'rsa-sha1';
  digestAlgorithm?: 'sha256' | 'sha1';
  /** Put the signer's certificate in KeyInfo (default true, as IdPs do). */
  keyInfo?: boolean;
}

const ROOT = "/*";
const ASSERTION = "/*[local-name(.)='Assertion'] | /*/*[local-name(.)='Assertion']";

function signOne(xml: string, targetXPath: string, opts: SignOptions): string {
  const sig = new SignedXml({
    privateKey: opts.key.privateKeyPem,
    publicCert: opts.keyInfo === false ? undefined : opts.key.certificatePem,
    signatureAlgorithm: ALG[opts.signatureAlgorithm ?? 'rsa-sha256'],
    canonicalizationAlgorithm: ALG.excC14n,
  });
  sig.addReference({
    xpath: targetXPath,
    digestAlgorithm: ALG[opts.digestAlgorithm ?? 'sha256'],
    transforms: [ALG.enveloped, ALG.excC14n],
  });
  // saml-core's schema puts ds:Signature right after the element's Issuer.
  const issuer = `(${targetXPath.split(' | ').map((t) => `${t}/*[local-name(.)='Issuer']`).join(' | ')})`;
  sig.computeSignature(xml, { prefix: 'ds', location: { reference: issuer, action: 'after' } });
  return sig.getSignedXml();
}

/**
 * Signs like an IdP does: enveloped signature, exclusive C14N, RSA-SHA256 by default, placed after Issuer.
 * The Assertion is signed first so that a Response signature covers the signed Assertion.
 */
export function signXml(xml: string, opts: SignOptions): string {
  let out = xml;
  if (opts.targets.includes('assertion')) out = signOne(out, ASSERTION, opts);
  if (opts.targets.includes('root')) out = signOne(out, ROOT, opts);
  return out;
}
