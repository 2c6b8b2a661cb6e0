import { readFileSync, statSync } from 'node:fs';
import { decodeFileBytes, parseFingerprint, tooLargeForText } from './core-api';

export class UsageError extends Error {}

function tooLong(name: string, bytes: number | undefined): UsageError {
  return new UsageError(`cannot read ${name}: ${tooLargeForText(bytes, 'Node')}`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  try {
    return decodeFileBytes(bytes);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_STRING_TOO_LONG') throw tooLong('stdin', bytes.length);
    throw err;
  }
}

function fileSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

/** Reads an input argument as text: a file path, `-` for stdin, or (when no such file exists) the text itself. */
export async function readInputText(arg: string): Promise<{ name: string; text: string }> {
  if (arg === '-') return { name: 'stdin', text: await readStdin() };
  // A URL, XML or a long base64 message given straight on the command line is an input too.
  if (/^(https?:\/\/|<)/.test(arg.trim()) || /^[A-Za-z0-9+/=_-]{200,}$/.test(arg.trim())) return { name: 'argument', text: arg };
  try {
    return { name: arg, text: decodeFileBytes(readFileSync(arg)) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`cannot read ${arg}: no such file`);
    if (code === 'EISDIR') throw new UsageError(`cannot read ${arg}: it is a directory`);
    if (code === 'ERR_STRING_TOO_LONG') throw tooLong(arg, fileSize(arg));
    throw new UsageError(`cannot read ${arg}: ${(err as Error).message}`);
  }
}

/** Certificates as IdP consoles export them: PEM, bare base64, or binary DER (turned into base64 here). */
export async function readCertificateFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new UsageError(`cannot read certificate ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  // DER starts with a SEQUENCE tag (0x30) and is not text.
  if (bytes[0] === 0x30 && bytes.includes(0)) return bytes.toString('base64');
  return decodeFileBytes(bytes);
}

/** A --idp-cert-fingerprint value: checked here, read by the core as a trust anchor like a certificate. */
export function readFingerprint(text: string): string {
  if (!parseFingerprint(text)) {
    throw new UsageError(`--idp-cert-fingerprint takes a certificate's SHA-256 (or SHA-1) fingerprint in hex, e.g. SHA256:AB:CD:…, not "${text}"`);
  }
  return text;
}

export async function readTextFile(path: string, what: string): Promise<string> {
  try {
    return decodeFileBytes(readFileSync(path));
  } catch (err) {
    throw new UsageError(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
