// xmlsec1 as the oracle: signing templates, and the canonical octets it digests and signs (its debug dump).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const hasXmlsec = spawnSync('xmlsec1', ['--version']).status === 0;
export const xmlsecVersion = hasXmlsec ? spawnSync('xmlsec1', ['--version'], { encoding: 'utf8' }).stdout.trim() : '';

const keys = fileURLToPath(new URL('../../keys/', import.meta.url));
export const IDP_CERT = `${keys}idp.cert.pem`;
const IDP_KEY = `${keys}idp.key.pem`;

/** `--id-attr:ID ns:local` arguments for each element whose ID attribute a Reference may name. */
export type IdAttr = { attr?: string; ns: string; local: string };

function idArgs(ids: IdAttr[]): string[] {
  return ids.flatMap((i) => [`--id-attr:${i.attr ?? 'ID'}`, `${i.ns}:${i.local}`]);
}

function withTemp<T>(xml: string, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'saml-lens-xmlsec1-'));
  try {
    const file = join(dir, 'in.xml');
    writeFileSync(file, xml);
    return run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Signs the Signature template `nodeXPath` selects (default: the first) with the test IdP key. */
export function xmlsecSign(template: string, ids: IdAttr[], nodeXPath?: string): string {
  return withTemp(template, (file, dir) => {
    const out = join(dir, 'out.xml');
    execFileSync('xmlsec1', ['--sign', '--privkey-pem', `${IDP_KEY},${IDP_CERT}`, ...idArgs(ids), ...(nodeXPath ? ['--node-xpath', nodeXPath] : []), '--output', out, file], { stdio: 'pipe' });
    return readFileSync(out, 'utf8');
  });
}

export interface XmlsecVerdict {
  ok: boolean;
  /** The octets each Reference digested, in order. */
  preDigest: string[];
  /** The canonical SignedInfo. */
  preSigned?: string;
}

function buffers(debug: string, label: string): string[] {
  const out: string[] = [];
  const start = `== ${label} data - start buffer:\n`;
  const end = `\n== ${label} data - end buffer`;
  for (let i = debug.indexOf(start); i >= 0; i = debug.indexOf(start, i + 1)) {
    const from = i + start.length;
    out.push(debug.slice(from, debug.indexOf(end, from)));
  }
  return out;
}

/** xmlsec1 --verify of one signature with the IdP certificate only, with what it canonicalised. */
export function xmlsecVerify(xml: string, ids: IdAttr[], nodeXPath?: string): XmlsecVerdict {
  return withTemp(xml, (file) => {
    const r = spawnSync(
      'xmlsec1',
      ['--verify', '--pubkey-cert-pem', IDP_CERT, '--store-references', '--store-signatures', '--print-debug', ...idArgs(ids), ...(nodeXPath ? ['--node-xpath', nodeXPath] : []), file],
      { encoding: 'utf8', maxBuffer: 16 << 20 },
    );
    return { ok: r.status === 0, preDigest: buffers(r.stdout, 'PreDigest'), preSigned: buffers(r.stdout, 'PreSigned')[0] };
  });
}
