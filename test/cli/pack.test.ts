// The CLI as a user installs it: `npm pack`, then `npm install -g` of the tarball into a folder outside the
// repository and `npx` from the tarball, run on a HAR copied next to it. Proves the package needs no dev
// dependency and reads no file of the repository at run time.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const work = mkdtempSync(join(tmpdir(), 'saml-lens-pack-'));
const env = { ...process.env, npm_config_cache: join(work, 'npm-cache'), npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
let tarball = '';
let bin = '';
const manifestBefore = readFileSync(join(root, 'package.json'));
let manifestAfter: Buffer;
let installStderr = '';

beforeAll(() => {
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, env, encoding: 'utf8' }).trim().split('\n').pop()!;
  manifestAfter = readFileSync(join(root, 'package.json'));
  tarball = join(work, packed);
  const install = spawnSync('npm', ['install', '-g', '--prefix', join(work, 'global'), tarball], { cwd: work, env, encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`npm install -g failed:\n${install.stderr}`);
  installStderr = install.stderr;
  bin = join(work, 'global', 'bin', 'saml-lens');
  copyFileSync(join(root, 'test', 'fixtures', 'flows', 'error-invalidnameidpolicy.har'), join(work, 'login.har'));
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function runInstalled(args: string[]) {
  return spawnSync(bin, args, { cwd: work, env, encoding: 'utf8' });
}

describe('the packed CLI', () => {
  it('ships only the bundles, the launcher and the documents, with no run-time dependency', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, ''));
    for (const f of ['CHANGELOG.md', 'LICENSE', 'PRIVACY.md', 'README.md', 'dist/cli.js', 'dist/cli-lazy.js', 'dist/core.js', 'lib/cli/bin.cjs', 'package.json']) expect(listing).toContain(f);
    const unexpected = listing.filter((f) => !/^(dist\/.*\.js|lib\/cli\/bin\.cjs|[A-Z]+\.md|LICENSE|package\.json)$/.test(f));
    expect(unexpected).toEqual([]);
    const installed = join(work, 'global', 'lib', 'node_modules', 'saml-lens');
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
  });

  it('installs without a warning: the packed package.json has no prepare script, the repository keeps its own', () => {
    expect(installStderr).not.toMatch(/^npm warn/m);
    const packed = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as { scripts?: Record<string, string> };
    expect(packed.scripts?.prepare).toBeUndefined();
    expect(manifestAfter.equals(manifestBefore)).toBe(true);
  });

  it('prints its version, the one package.json and the manifest share', () => {
    const r = runInstalled(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('checks a HAR outside the repository and exits 1 on its error finding', () => {
    const r = runInstalled(['check', 'login.har', '--json']);
    expect(r.status, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as { messages: Array<{ kind: string; findings: Array<{ rule: string }> }> };
    expect(report.messages.map((m) => m.kind)).toContain('Response');
    expect(report.messages.flatMap((m) => m.findings.map((f) => f.rule))).toContain('status-error');
  });

  it('exits 2 with its usage on standard error when called with no arguments', () => {
    const r = runInstalled([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: saml-lens');
  });

  it('verifies a signature with a trusted certificate when imported as a library', () => {
    const installed = join(work, 'global', 'lib', 'node_modules', 'saml-lens', 'dist', 'core.js');
    const xml = readFileSync(join(root, 'test', 'fixtures', 'signatures', 'genuine-both-signed.xml'), 'utf8');
    const cert = readFileSync(join(root, 'test', 'keys', 'idp.cert.pem'), 'utf8');
    const script = `
      const { analyzeText } = await import(${JSON.stringify(pathToFileURL(installed).href)});
      const verdicts = async (trustedCertificates) =>
        (await analyzeText(process.env.XML, { trustedCertificates })).report.messages.flatMap((m) => m.signatures.map((s) => s.status));
      console.log(JSON.stringify({ trusted: await verdicts([process.env.CERT]), untrusted: await verdicts([]), tampered: (await analyzeText(process.env.XML.replace('</saml:NameID>', 'x</saml:NameID>'), { trustedCertificates: [process.env.CERT] })).report.messages.flatMap((m) => m.signatures.map((s) => s.status)) }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: work, env: { ...env, XML: xml, CERT: cert }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ trusted: ['valid', 'valid'], untrusted: ['untrusted', 'untrusted'], tampered: ['invalid', 'invalid'] });
  });

  it('runs with npx from the tarball', () => {
    const r = spawnSync('npx', ['--yes', '--package', tarball, 'saml-lens', 'check', 'login.har'], { cwd: work, env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('status-error');
  }, 120_000);
});
