export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

export interface SignatureAlgorithm {
  uri: string;
  key: 'rsa' | 'ec';
  hash: HashName;
  weak: boolean;
}

/** The signature methods SAML Lens verifies; anything else (HMAC, DSA, unknown URIs) is refused. */
export const SIGNATURE_ALGORITHMS: Record<string, SignatureAlgorithm> = Object.fromEntries(
  (
    [
      ['http://www.w3.org/2000/09/xmldsig#rsa-sha1', 'rsa', 'SHA-1'],
      ['http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', 'rsa', 'SHA-256'],
      ['http://www.w3.org/2001/04/xmldsig-more#rsa-sha384', 'rsa', 'SHA-384'],
      ['http://www.w3.org/2001/04/xmldsig-more#rsa-sha512', 'rsa', 'SHA-512'],
      ['http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1', 'ec', 'SHA-1'],
      ['http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256', 'ec', 'SHA-256'],
      ['http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384', 'ec', 'SHA-384'],
      ['http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512', 'ec', 'SHA-512'],
    ] as const
  ).map(([uri, key, hash]) => [uri, { uri, key, hash, weak: hash === 'SHA-1' }]),
);

export const DIGEST_ALGORITHMS: Record<string, { hash: HashName; weak: boolean }> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': { hash: 'SHA-1', weak: true },
  'http://www.w3.org/2001/04/xmlenc#sha256': { hash: 'SHA-256', weak: false },
  'http://www.w3.org/2001/04/xmldsig-more#sha384': { hash: 'SHA-384', weak: false },
  'http://www.w3.org/2001/04/xmlenc#sha512': { hash: 'SHA-512', weak: false },
};

export const C14N = {
  exclusive: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  exclusiveWithComments: 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
  inclusive: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  inclusiveWithComments: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
} as const;

export const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

/**
 * Canonicalisations accepted for SignedInfo and as a Reference transform. Exclusive C14N is what
 * saml-core §5.4.3 recommends. Inclusive C14N 1.0 is accepted too: it is XML-DSig's mandatory
 * canonicalisation, some IdP stacks still emit it, and like exclusive C14N it only fixes the byte form
 * of the selected subtree (no XPath, no node selection), so it gives an attacker no way to point the
 * signature at other content. The #WithComments variants are refused: comments inside signed text are
 * the NameID-truncation trick.
 */
export const ACCEPTED_C14N = new Set<string>([C14N.exclusive, C14N.inclusive]);

export const NS = {
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xenc: 'http://www.w3.org/2001/04/xmlenc#',
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  xmlns: 'http://www.w3.org/2000/xmlns/',
} as const;

export function shortAlgorithm(uri: string | undefined): string {
  if (!uri) return 'none';
  const hash = uri.lastIndexOf('#');
  return hash >= 0 ? uri.slice(hash + 1) : uri;
}
