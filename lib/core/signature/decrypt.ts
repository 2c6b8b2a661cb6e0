import type { ParsedSaml, Problem } from '../model';
import { parseSamlMessages } from '../xml';
import { sourceRange } from '../xml/tree';
import { NS } from './algorithms';
import { base64ToBytes, buf } from './bytes';
import { concatBytes } from './der';
import { attrValue, childElements, elementPath, findAll, valueText } from './dom';
import { readPrivateKey } from './private-key';
import type { HashName } from './algorithms';
import { rsaOaepDecrypt } from './rsa-oaep';
import { rsaKeyFromPkcs8, rsaPkcs1Decrypt } from './rsa-pkcs1';
import { own } from '../dictionary';

const XENC11 = 'http://www.w3.org/2009/xmlenc11#';
const RSA_1_5 = 'http://www.w3.org/2001/04/xmlenc#rsa-1_5';
const WRONG_KEY =
  'the SP private key does not open the encrypted key: it is not the key whose certificate the IdP encrypts for (check the encryption certificate in the IdP\'s SP configuration)';
const DATA_ALGORITHMS: Record<string, { name: 'AES-CBC' | 'AES-GCM'; bits: number }> = {
  'http://www.w3.org/2001/04/xmlenc#aes128-cbc': { name: 'AES-CBC', bits: 128 },
  'http://www.w3.org/2001/04/xmlenc#aes192-cbc': { name: 'AES-CBC', bits: 192 },
  'http://www.w3.org/2001/04/xmlenc#aes256-cbc': { name: 'AES-CBC', bits: 256 },
  [`${XENC11}aes128-gcm`]: { name: 'AES-GCM', bits: 128 },
  [`${XENC11}aes192-gcm`]: { name: 'AES-GCM', bits: 192 },
  [`${XENC11}aes256-gcm`]: { name: 'AES-GCM', bits: 256 },
};
const HASHES: Record<string, HashName> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'SHA-1',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'SHA-256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'SHA-384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'SHA-512',
};
const MGF: Record<string, HashName> = {
  [`${XENC11}mgf1sha1`]: 'SHA-1',
  [`${XENC11}mgf1sha256`]: 'SHA-256',
  [`${XENC11}mgf1sha384`]: 'SHA-384',
  [`${XENC11}mgf1sha512`]: 'SHA-512',
};

class DecryptError extends Error {}

function cipherBytes(el: Element | undefined, what: string): Uint8Array {
  const cv = el ? findAll(el, NS.xenc, 'CipherValue')[0] : undefined;
  const bytes = cv ? base64ToBytes(valueText(cv).text) : undefined;
  if (!bytes) throw new DecryptError(`the ${what} has no readable CipherValue`);
  return bytes;
}

interface OaepParameters {
  digest: HashName;
  mgf: HashName;
  label?: Uint8Array;
}

/** RSA-OAEP's parameters: the digest (SHA-1 by default), MGF1's hash (SHA-1 for rsa-oaep-mgf1p) and the label. */
function oaepParameters(method: Element): OaepParameters {
  const alg = attrValue(method, 'Algorithm') ?? '';
  const digestEl = childElements(method, NS.ds, 'DigestMethod')[0];
  const digest = digestEl ? own(HASHES, attrValue(digestEl, 'Algorithm') ?? '') : 'SHA-1';
  if (!digest) throw new DecryptError('the RSA-OAEP DigestMethod is not SHA-1/256/384/512');
  const paramsEl = childElements(method, NS.xenc, 'OAEPparams')[0];
  const label = paramsEl ? base64ToBytes(valueText(paramsEl).text) : undefined;
  if (paramsEl && !label) throw new DecryptError('the RSA-OAEP OAEPparams is not base64');
  const withLabel = (p: OaepParameters): OaepParameters => (label ? { ...p, label } : p);
  if (alg === 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p') return withLabel({ digest, mgf: 'SHA-1' });
  if (alg === `${XENC11}rsa-oaep`) {
    const mgfEl = childElements(method, XENC11, 'MGF')[0];
    const mgf = mgfEl ? own(MGF, attrValue(mgfEl, 'Algorithm') ?? '') : 'SHA-1';
    if (!mgf) throw new DecryptError(`the RSA-OAEP MGF ${attrValue(mgfEl!, 'Algorithm') ?? '(none)'} is not MGF1 with SHA-1/256/384/512`);
    return withLabel({ digest, mgf });
  }
  throw new DecryptError(`key transport ${alg || '(none)'} is not supported (RSA-OAEP and RSA 1.5 are)`);
}

/** How many EncryptedKeys are tried: a key rollover lists two or three; each try is an RSA decryption. */
const MAX_KEYS = 8;
const ENCRYPTED_KEY_TYPE = 'http://www.w3.org/2001/04/xmlenc#EncryptedKey';

/**
 * The EncryptedKeys that may open the EncryptedData, in the order to try them: those inside its KeyInfo, the
 * one a KeyInfo RetrievalMethod names (xmlenc-core §3.5.1), then every one in the EncryptedAssertion
 * (saml-core §6.2 puts them beside EncryptedData, one per recipient, e.g. the SP's old and new key during a
 * rollover). Only one of them is for this SP's key, and not necessarily the first.
 */
function encryptedKeys(encryptedAssertion: Element, data: Element): Element[] {
  const keyInfo = childElements(data, NS.ds, 'KeyInfo')[0];
  const all = findAll(encryptedAssertion, NS.xenc, 'EncryptedKey');
  const named = keyInfo
    ? childElements(keyInfo, NS.ds, 'RetrievalMethod')
        .filter((m) => (attrValue(m, 'Type') ?? ENCRYPTED_KEY_TYPE) === ENCRYPTED_KEY_TYPE && attrValue(m, 'URI')?.startsWith('#'))
        .flatMap((m) => all.filter((k) => attrValue(k, 'Id') === attrValue(m, 'URI')!.slice(1)))
    : [];
  const keys = [...new Set([...(keyInfo ? childElements(keyInfo, NS.xenc, 'EncryptedKey') : []), ...named, ...all])];
  if (keys.length === 0) throw new DecryptError('no xenc:EncryptedKey was found for the EncryptedData');
  return keys.slice(0, MAX_KEYS);
}

async function aesCbcDecrypt(keyBytes: Uint8Array, bits: number, payload: Uint8Array): Promise<Uint8Array> {
  if (keyBytes.length * 8 !== bits) throw new DecryptError(`the decrypted key has ${keyBytes.length * 8} bits, the algorithm needs ${bits}`);
  if (payload.length < 32 || payload.length % 16 !== 0) throw new DecryptError('the AES-CBC ciphertext length is not a whole number of blocks');
  const key = await crypto.subtle.importKey('raw', buf(keyBytes), 'AES-CBC', false, ['encrypt', 'decrypt']);
  const iv = payload.subarray(0, 16);
  const ct = payload.subarray(16);
  // XML Encryption's padding is not PKCS#7 (only the last byte is defined) and WebCrypto insists on
  // PKCS#7: append one block that decrypts to a full PKCS#7 pad, so every original byte comes back.
  const lastBlock = ct.subarray(ct.length - 16);
  const pad = new Uint8Array(16).fill(16);
  const extra = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv: buf(lastBlock) }, key, buf(pad))).subarray(0, 16);
  const plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: buf(iv) }, key, buf(concatBytes(ct, extra))));
  const n = plain[plain.length - 1]!;
  if (n < 1 || n > 16) throw new DecryptError('the decrypted data has invalid padding (wrong key?)');
  return plain.subarray(0, plain.length - n);
}

async function aesGcmDecrypt(keyBytes: Uint8Array, bits: number, payload: Uint8Array): Promise<Uint8Array> {
  if (keyBytes.length * 8 !== bits) throw new DecryptError(`the decrypted key has ${keyBytes.length * 8} bits, the algorithm needs ${bits}`);
  const key = await crypto.subtle.importKey('raw', buf(keyBytes), 'AES-GCM', false, ['decrypt']);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: buf(payload.subarray(0, 12)), tagLength: 128 }, key, buf(payload.subarray(12))));
  } catch {
    throw new DecryptError('AES-GCM authentication failed: the encrypted assertion was altered or the key is wrong');
  }
}

async function unwrapOaep(pkcs8: Uint8Array, wrapped: Uint8Array, params: OaepParameters): Promise<Uint8Array> {
  // WebCrypto takes one hash for both and no label; other combinations are decoded by hand (rsa-oaep.ts).
  if (params.digest !== params.mgf || params.label?.length) {
    const key = rsaKeyFromPkcs8(pkcs8);
    if (!key) throw new DecryptError('the SP private key could not be loaded (is it an RSA key?)');
    // rsa-oaep-mgf1p means MGF1 with SHA-1 whatever the digest, but encoders built on OpenSSL's defaults use the
    // digest's hash for MGF1 too: both are tried (a wrong one fails OAEP's own hash check).
    for (const mgf of new Set([params.mgf, params.digest])) {
      const keyBytes = await rsaOaepDecrypt(key, wrapped, params.digest, mgf, params.label);
      if (keyBytes) return keyBytes;
    }
    throw new DecryptError(WRONG_KEY);
  }
  const hash = params.digest;
  let rsaKey: CryptoKey;
  try {
    rsaKey = await crypto.subtle.importKey('pkcs8', buf(pkcs8), { name: 'RSA-OAEP', hash }, false, ['decrypt']);
  } catch {
    throw new DecryptError('the SP private key could not be loaded (is it an RSA key?)');
  }
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, rsaKey, buf(wrapped)));
  } catch {
    throw new DecryptError(WRONG_KEY);
  }
}

/** rsa-1_5 key transport, which WebCrypto lacks: done by hand on the key's numbers (see rsa-pkcs1.ts). */
function unwrapRsa15(pkcs8: Uint8Array, wrapped: Uint8Array, bits: number): Uint8Array {
  const key = rsaKeyFromPkcs8(pkcs8);
  if (!key) throw new DecryptError('the SP private key could not be loaded (is it an RSA key?)');
  const keyBytes = rsaPkcs1Decrypt(key, wrapped);
  // A wrong key yields a valid-looking block about once in 65,000 tries; its length then gives it away.
  if (!keyBytes || keyBytes.length * 8 !== bits) throw new DecryptError(WRONG_KEY);
  return keyBytes;
}

async function decryptOne(encryptedAssertion: Element, pkcs8: Uint8Array): Promise<string> {
  const data = childElements(encryptedAssertion, NS.xenc, 'EncryptedData')[0];
  if (!data) throw new DecryptError('there is no xenc:EncryptedData');
  const method = childElements(data, NS.xenc, 'EncryptionMethod')[0];
  const dataAlg = own(DATA_ALGORITHMS, (method && attrValue(method, 'Algorithm')) ?? '');
  if (!dataAlg) throw new DecryptError(`data encryption ${(method && attrValue(method, 'Algorithm')) || '(none)'} is not supported (AES-CBC and AES-GCM are)`);
  const payload = cipherBytes(childElements(data, NS.xenc, 'CipherData')[0], 'EncryptedData');
  let plain: Uint8Array | undefined;
  let first: unknown;
  for (const encryptedKey of encryptedKeys(encryptedAssertion, data)) {
    try {
      const keyMethod = childElements(encryptedKey, NS.xenc, 'EncryptionMethod')[0];
      if (!keyMethod) throw new DecryptError('the EncryptedKey has no EncryptionMethod');
      const wrapped = cipherBytes(encryptedKey, 'EncryptedKey');
      const rsa15 = attrValue(keyMethod, 'Algorithm') === RSA_1_5;
      const keyBytes = rsa15 ? unwrapRsa15(pkcs8, wrapped, dataAlg.bits) : await unwrapOaep(pkcs8, wrapped, oaepParameters(keyMethod));
      plain = dataAlg.name === 'AES-CBC' ? await aesCbcDecrypt(keyBytes, dataAlg.bits, payload) : await aesGcmDecrypt(keyBytes, dataAlg.bits, payload);
      break;
    } catch (e) {
      // Another recipient's key (or a broken one): the next may be this SP's. The first reason is the one told.
      if (!(e instanceof DecryptError)) throw e;
      first ??= e;
    }
  }
  if (!plain) throw first;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain).replace(/^\uFEFF?<\?xml[^>]*\?>/, '');
  } catch {
    throw new DecryptError('the decrypted data is not UTF-8 text');
  }
}

/**
 * Decrypts every EncryptedAssertion with the user's SP key (kept in memory) and returns the message with
 * the assertions in clear, parsed again through the XML guards like any other input.
 */
export async function decryptAssertions(parsed: ParsedSaml, privateKeyPem: string): Promise<{ parsed?: ParsedSaml; problems: Problem[] }> {
  const problems: Problem[] = [];
  const { pkcs8, why } = readPrivateKey(privateKeyPem);
  const encrypted = findAll(parsed.doc.documentElement, NS.assertion, 'EncryptedAssertion');
  if (!pkcs8) {
    problems.push({ rule: 'encryption-failed', severity: 'error', message: `Cannot decrypt the assertion: ${why}.`, location: encrypted[0] && elementPath(encrypted[0]) });
    return { problems };
  }
  const plains: string[] = [];
  for (const el of encrypted) {
    try {
      plains.push(await decryptOne(el, pkcs8));
    } catch (e) {
      const message = e instanceof DecryptError ? e.message : `unexpected error (${e instanceof Error ? e.message : String(e)})`;
      problems.push({ rule: 'encryption-failed', severity: 'error', message: `Cannot decrypt the assertion: ${message}.`, location: elementPath(el) });
      return { problems };
    }
  }
  // Each plaintext takes the place of its EncryptedAssertion's own characters in the text the tree was built
  // from (the rest of the message stays byte for byte what was received), the last first so that the offsets
  // of the earlier ones still hold. One inside another is gone with the outer one's ciphertext.
  const whole = sourceRange(parsed.doc.documentElement);
  const spliced: Array<{ start: number; end: number; plain: string }> = [];
  for (let i = 0; i < encrypted.length; i++) {
    const range = sourceRange(encrypted[i]!);
    if (!whole || !range) {
      problems.push({ rule: 'encryption-failed', severity: 'error', message: 'Cannot decrypt the assertion: it is not part of a parsed message.', location: elementPath(encrypted[i]!) });
      return { problems };
    }
    const outer = spliced[spliced.length - 1];
    if (!outer || range.start >= outer.end) spliced.push({ start: range.start, end: range.end, plain: plains[i]! });
  }
  let text = whole?.source ?? parsed.xml;
  for (let i = spliced.length - 1; i >= 0; i--) text = text.slice(0, spliced[i]!.start) + spliced[i]!.plain + text.slice(spliced[i]!.end);
  // The same message again when the document carries several (the decrypted one is at the same path).
  const at = elementPath(parsed.root);
  const all = parseSamlMessages(text);
  const result = all.find((m) => m.parsed && elementPath(m.parsed.root) === at) ?? all[0]!;
  if (!result.parsed) {
    problems.push({
      rule: 'encryption-failed',
      severity: 'error',
      message: `The assertion decrypted, but the result is not acceptable XML: ${result.problems.map((p) => p.message).join('; ')}.`,
      location: elementPath(encrypted[0]!),
    });
    return { problems };
  }
  return { parsed: result.parsed, problems: result.problems.filter((p) => (p.severity ?? 'error') === 'error') };
}
