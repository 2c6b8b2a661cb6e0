// The JSON reference (lib/core/model/README.md) documents every field `check --json` and `diff --json` print,
// found by running the CLI on captures that exercise signatures, artifacts, IdP error pages and a diff.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';

const root = join(import.meta.dirname, '..', '..');
const fixture = (a: string) => (a.startsWith('test/') ? join(root, a) : a);

const RUNS: string[][] = [
  ['check', 'test/fixtures/flows/namespaced-claims.har'],
  ['check', 'test/fixtures/flows/artifact.har'],
  ['check', 'test/fixtures/flows/entra-aadsts700016.har'],
  ['check', 'test/fixtures/flows/okta-twilio-flex.har', '--profile', 'twilio-flex', '--account-sid', 'AC5f0e8d2c4b6a19387f5e4d3c2b1a0f9e', '--idp-cert', 'test/fixtures/flows/idp.cert.pem', '--include-xml'],
  ['diff', 'test/fixtures/diff/entra-before-rollover.har', 'test/fixtures/diff/entra-after-rollover.har', '--idp-cert', 'test/keys/idp.cert.pem', '--include-same'],
];

function collectKeys(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) collectKeys(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      collectKeys(inner, into);
    }
  }
}

describe('JSON reference', () => {
  it('names every field the CLI prints with --json', async () => {
    const keys = new Set<string>();
    for (const args of RUNS) {
      let out = '';
      await main([...args.map(fixture), '--json'], (s) => {
        out += s;
      });
      collectKeys(JSON.parse(out), keys);
    }
    expect(keys.size).toBeGreaterThan(40);
    const reference = readFileSync(join(root, 'lib/core/model/README.md'), 'utf8');
    // A field is documented when the page quotes it as a JSON key, names it in code, or as a path or member.
    const named = (k: string) => [`"${k}"`, `\`${k}\``, `.${k}`, `{ ${k}`, ` ${k},`, ` ${k} }`].some((form) => reference.includes(form));
    expect([...keys].filter((k) => !named(k))).toEqual([]);
  });
});
