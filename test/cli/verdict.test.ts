// Issue 9: the answer first. The CLI names the cause and the IdP's fix before anything else, groups one cause
// into one finding, prints each fix once, and fits the namespaced-claims flow on one screen.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import { getRule } from '../../lib/core/rules';
import { DIR, SCENARIOS } from '../fixtures/flows/scenarios';
import { tempFiles } from './run-cli';

const root = join(import.meta.dirname, '..', '..');
const argsOf = (file: string) => SCENARIOS.find((s) => s.file === file)!.args.map((a) => (a.startsWith(`${DIR}/`) ? join(root, a) : a));

const columnsBefore = process.env.COLUMNS;
afterEach(() => {
  if (columnsBefore === undefined) delete process.env.COLUMNS;
  else process.env.COLUMNS = columnsBefore;
});

/** `saml-lens check` on a committed flow, as if in a terminal `columns` wide (COLUMNS, as a shell sets it). */
async function check(file: string, extra: string[] = [], columns?: number): Promise<{ code: number; out: string }> {
  if (columns) process.env.COLUMNS = String(columns);
  else delete process.env.COLUMNS;
  let out = '';
  const code = await main(['check', join(root, DIR, file), ...argsOf(file), '--no-color', ...extra], (s) => {
    out += s;
  });
  return { code, out };
}

/** The verdict: the lines between the title and the first flow, as one line. */
const verdictOf = (out: string) => {
  const lines = out.split('\n');
  const end = lines.findIndex((l) => l.startsWith('Flow 1'));
  return lines.slice(1, end < 0 ? undefined : end).filter((l) => !/^[\d,]+ requests read/.test(l)).join(' ').replace(/\s+/g, ' ').trim();
};
const flat = (out: string) => out.replace(/\s+/g, ' ');

const entraFix = getRule('attribute-namespaced')!.fix['entra-id']!;

describe('CLI text: the verdict first (issue 9)', () => {
  it('Entra ID default claims under Twilio Flex: one screen (30 lines at 100 columns), cause and Entra ID fix first', async () => {
    const { code, out } = await check('namespaced-claims.har', [], 100);
    expect(code).toBe(1);
    const lines = out.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(30);
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(100);
    // The verdict is the second line, before any flow or message.
    const head = verdictOf(out);
    expect(head).toMatch(/^✗ Refused by the SP: 3 required claims are namespaced \(emailaddress → email; displayname, name → full_name; role → roles\)\./);
    expect(head).toContain(`Fix in Microsoft Entra ID: ${entraFix}`);
    // The fix is printed once; the finding points to it.
    expect(out.replace(/\s+/g, ' ').split(entraFix.slice(0, 60)).length - 1).toBe(1);
    expect(out).toContain('Fix (Microsoft Entra ID): as above.');
    // One cause, one count: attribute-missing and sp-refused are told under it.
    expect(out.match(/^ {4}error {3}/gm)).toHaveLength(1);
    expect(out).toMatch(/also attribute-missing \(error\), same cause: email, full_name, roles/);
    expect(out).toContain('1 error, 0 warnings, 0 info');
  });

  it('--verbose lists every instance and every attribute', async () => {
    const { out } = await check('namespaced-claims.har', ['--verbose'], 100);
    for (const n of ['emailaddress', 'displayname', 'name', 'role']) expect(flat(out)).toContain(`claims/${n}" looks like`);
    expect(out).toContain('http://schemas.microsoft.com/identity/claims/tenantid=');
    const { out: short } = await check('namespaced-claims.har', [], 100);
    expect(short).toContain('--verbose shows all');
    expect(short).not.toContain('claims/tenantid=');
  });

  it('wraps to 80 columns when the output is not a terminal', async () => {
    const { out } = await check('namespaced-claims.har');
    for (const l of out.trimEnd().split('\n')) expect(l.length, l).toBeLessThanOrEqual(80);
  });

  it('a clean flow says so plainly; two signatures without a certificate give one grouped warning', async () => {
    let out = '';
    await main(['check', join(root, DIR, 'okta-sp-initiated.har'), '--no-color'], (s) => {
      out += s;
    });
    expect(verdictOf(out)).toMatch(/^! Signed in, with a warning: The signature on <Response> is intact, but the signer is not verified .*\(also Assertion\)\./);
    expect(out.match(/warning signature-untrusted/g)).toHaveLength(1);
    const ok = await check('okta-sp-initiated.har');
    expect(ok.out.split('\n')[1]).toBe('✓ OK: signed in; nothing to fix.');
    expect(ok.code).toBe(0);
  });

  it('status-error: only the codes present, the NameIDPolicy asked for, the StatusMessage once, no doubled punctuation', async () => {
    const { out } = await check('error-invalidnameidpolicy.har', ['--verbose'], 200);
    expect(out.match(/MSIS7070/g)).toHaveLength(1);
    expect(out).not.toContain('.".');
    expect(flat(out)).toContain('The AuthnRequest asked for NameIDPolicy Format urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress.');
    expect(out).not.toMatch(/RequestDenied|AuthnFailed/);
    expect(verdictOf(out)).toMatch(/^✗ Refused by the IdP: .*InvalidNameIDPolicy.* Fix in AD FS: .*Transform an Incoming Claim/);
  });

  const notSaml = tempFiles('saml-lens-notsaml-');
  it('words that are neither SAML nor base64 of it: "not SAML", exit 2 (not decode-failed)', () => {
    for (const text of ['hello', 'Hello world', 'abcd1234']) {
      const path = notSaml.file('x.txt', text);
      const r = spawnSync('node', ['lib/cli/bin.cjs', 'check', path], { cwd: root, encoding: 'utf8' });
      expect(r.status, text).toBe(2);
      expect(r.stderr, text).toMatch(/Not SAML: ".*" is neither a SAML message nor base64 of one/);
      expect(r.stdout + r.stderr).not.toContain('decode-failed');
    }
  });
});
