import { derChildren, derContent, derOid, derWhole, readDer, type Der } from './der';

/** `bits`: the RSA modulus length, when the SPKI's RSAPublicKey could be read. */
export type KeyKind = { kind: 'rsa'; bits?: number } | { kind: 'ec'; curve: 'P-256' | 'P-384' | 'P-521' } | { kind: 'other'; oid: string };

/** What SAML Lens needs from an X.509 certificate: enough to show it and to import its key. */
export interface X509 {
  spki: Uint8Array;
  key: KeyKind;
  subject?: string;
  issuer?: string;
  notBefore?: string;
  notAfter?: string;
}

const NAME_OIDS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '1.2.840.113549.1.9.1': 'E',
  '0.9.2342.19200300.100.1.25': 'DC',
};

const CURVES: Record<string, 'P-256' | 'P-384' | 'P-521'> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};

function decodeString(node: Der): string {
  const bytes = derContent(node);
  if (node.tag === 0x1e) {
    // BMPString: UTF-16BE
    let s = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return s;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

function readName(node: Der): string {
  const parts: string[] = [];
  for (const rdn of derChildren(node)) {
    for (const atv of derChildren(rdn)) {
      const [oid, value] = derChildren(atv);
      if (!oid || !value) continue;
      const id = derOid(oid);
      parts.push(`${NAME_OIDS[id] ?? id}=${decodeString(value)}`);
    }
  }
  return parts.join(', ');
}

function readTime(node: Der): string | undefined {
  const s = new TextDecoder().decode(derContent(node));
  const m =
    node.tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(s);
  if (!m) return undefined;
  let year = m[1]!;
  if (node.tag === 0x17) year = (Number(year) >= 50 ? '19' : '20') + year;
  return `${year}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}Z`;
}

/** Bit length of the modulus in the SPKI's BIT STRING (RFC 8017 A.1.1 RSAPublicKey); undefined when unreadable. */
function rsaModulusBits(spki: Der): number | undefined {
  try {
    const [, bitString] = derChildren(spki);
    // The BIT STRING's first content octet counts unused bits (0 for a DER-encoded key).
    if (!bitString || bitString.tag !== 0x03 || bitString.bytes[bitString.start] !== 0) return undefined;
    const rsaKey = readDer(bitString.bytes, bitString.start + 1);
    const [modulus] = rsaKey.tag === 0x30 ? derChildren(rsaKey) : [];
    if (!modulus || modulus.tag !== 0x02) return undefined;
    const m = derContent(modulus);
    let i = 0;
    while (i < m.length && m[i] === 0) i++;
    if (i === m.length) return undefined;
    return (m.length - i - 1) * 8 + (32 - Math.clz32(m[i]!));
  } catch {
    return undefined;
  }
}

function readKey(spki: Der): KeyKind {
  const [algId] = derChildren(spki);
  const [oidNode, params] = algId ? derChildren(algId) : [];
  const oid = oidNode ? derOid(oidNode) : '';
  if (oid === '1.2.840.113549.1.1.1') {
    const bits = rsaModulusBits(spki);
    return bits === undefined ? { kind: 'rsa' } : { kind: 'rsa', bits };
  }
  if (oid === '1.2.840.10045.2.1' && params?.tag === 0x06) {
    const curve = CURVES[derOid(params)];
    if (curve) return { kind: 'ec', curve };
  }
  return { kind: 'other', oid };
}

/** Parses a DER SubjectPublicKeyInfo (a PEM "PUBLIC KEY"). Throws on malformed input. */
export function readSpki(der: Uint8Array): Pick<X509, 'spki' | 'key'> {
  const spki = readDer(der);
  if (spki.tag !== 0x30 || spki.end !== der.length) throw new Error('not a DER public key (SEQUENCE expected)');
  const [algId, bitString, extra] = derChildren(spki);
  if (!algId || algId.tag !== 0x30 || !bitString || bitString.tag !== 0x03 || extra) throw new Error('not a SubjectPublicKeyInfo');
  return { spki: derWhole(spki), key: readKey(spki) };
}

/** Parses a DER X.509 certificate. Throws on malformed input (the caller reports it). */
export function readX509(der: Uint8Array): X509 {
  const cert = readDer(der);
  if (cert.tag !== 0x30 || cert.end !== der.length) throw new Error('not a DER certificate (SEQUENCE expected)');
  const [tbs] = derChildren(cert);
  if (!tbs || tbs.tag !== 0x30) throw new Error('no TBSCertificate');
  const fields = derChildren(tbs);
  // version [0] is optional: v1 certificates start with the serial number.
  const f = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const [, , issuer, validity, subject, spki] = f;
  if (!issuer || !validity || !subject || !spki || spki.tag !== 0x30) throw new Error('incomplete TBSCertificate');
  const [notBefore, notAfter] = derChildren(validity);
  return {
    spki: derWhole(spki),
    key: readKey(spki),
    subject: readName(subject),
    issuer: readName(issuer),
    notBefore: notBefore ? readTime(notBefore) : undefined,
    notAfter: notAfter ? readTime(notAfter) : undefined,
  };
}
