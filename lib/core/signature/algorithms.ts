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
  c14n11: 'http://www.w3.org/2006/12/xml-c14n11',
  c14n11WithComments: 'http://www.w3.org/2006/12/xml-c14n11#WithComments',
} as const;

export const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

/**
 * Canonicalisations accepted for SignedInfo and as a Reference transform. Exclusive C14N is what
 * saml-core §5.4.3 recommends. Inclusive C14N 1.0 (XML-DSig's mandatory canonicalisation, which .NET and
 * older Java IdPs emit) and Canonical XML 1.1 (Okta's test IdP, Java's Santuario) are accepted too: like
 * exclusive C14N they only fix the byte form of the selected subtree (no XPath, no node selection), so they
 * give an attacker no way to point the signature at other content.
 *
 * C14N 1.1 #WithComments is accepted because a same-document Reference ("" or "#id") selects its nodes
 * without comments whatever the transform says (xmldsig-core §4.3.3.3; xmlsec1 does the same): a comment
 * slipped into signed text still changes nothing that is digested, and the reading side reports it
 * (nameid-comment, text-split). The #WithComments variants of exclusive C14N and C14N 1.0 stay refused as
 * they always were (test/fixtures/signatures/attack-transform-withcomments.xml).
 */
export const ACCEPTED_C14N = new Set<string>([C14N.exclusive, C14N.inclusive, C14N.c14n11, C14N.c14n11WithComments]);

/**
 * Transforms refused as wrapping material, not as merely unsupported: each lets the signed node-set differ
 * from the element the signature sits on (XPath and XPath Filter 2.0 select nodes, XSLT and base64 rewrite
 * them, the decryption transform changes what is digested) or is refused by policy (the #WithComments
 * variants above). Any other unknown URI is reported as an unsupported algorithm.
 */
export const REFUSED_TRANSFORMS = new Set<string>([
  'http://www.w3.org/TR/1999/REC-xpath-19991116',
  'http://www.w3.org/2002/06/xmldsig-filter2',
  'http://www.w3.org/TR/1999/REC-xslt-19991116',
  'http://www.w3.org/2000/09/xmldsig#base64',
  'http://www.w3.org/2002/07/decrypt#XML',
  'http://www.w3.org/2002/07/decrypt#Binary',
  C14N.exclusiveWithComments,
  C14N.inclusiveWithComments,
]);

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
