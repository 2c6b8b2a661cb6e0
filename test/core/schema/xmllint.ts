// Runs xmllint (Debian libxml2-utils) over many documents at once: the reference the schema check is compared with.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROTOCOL_XSD = fileURLToPath(new URL('../../../lib/core/schema/xsd/saml-schema-protocol-2.0.xsd', import.meta.url));

export function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** xmllint's verdict on each document: true when it validates against the SAML protocol schema. */
export function xmllintVerdicts(documents: string[]): boolean[] {
  const dir = mkdtempSync(join(tmpdir(), 'saml-lens-xmllint-'));
  try {
    const files = documents.map((xml, i) => {
      const f = join(dir, `d${i}.xml`);
      writeFileSync(f, xml);
      return f;
    });
    const verdicts: boolean[] = [];
    for (let i = 0; i < files.length; i += 200) {
      const batch = files.slice(i, i + 200);
      const out = spawnSync('xmllint', ['--noout', '--nonet', '--schema', PROTOCOL_XSD, ...batch], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      for (const f of batch) verdicts.push(out.stderr.includes(`${f} validates`));
    }
    return verdicts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
