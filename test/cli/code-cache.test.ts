// The launcher's V8 code cache (lib/cli/bin.cjs): written after a first run into the user's own cache folder,
// used by the next, never read from or written to a folder others can write to, and never in the way of the run.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildResponse, loadTestKey, signXml } from '../../lib/samlgen';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'saml-lens-cache-'));
const message = join(work, 'response.xml');
writeFileSync(message, buildResponse());

afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(cacheHome: string, args = ['check', message, '--json']) {
  return spawnSync(process.execPath, ['lib/cli/bin.cjs', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome, NODE_DISABLE_COMPILE_CACHE: '' } });
}

describe.skipIf(process.platform === 'win32' || process.platform === 'darwin')('the CLI code cache', () => {
  it('is written by the first run, private to the user, and gives the next run the same answer', () => {
    const home = join(work, 'own');
    const first = run(home);
    const folder = join(home, 'saml-lens');
    const files = readdirSync(folder);
    expect(files).toHaveLength(1);
    expect(statSync(folder).mode & 0o077).toBe(0);
    expect(statSync(join(folder, files[0]!)).mode & 0o077).toBe(0);
    const second = run(home);
    expect(second.status).toBe(first.status);
    expect(JSON.parse(second.stdout).messages).toEqual(JSON.parse(first.stdout).messages);
  });

  it('is kept per command: a first --version leaves the next check a cache of its own', () => {
    const home = join(work, 'per-command');
    expect(run(home, ['--version']).status).toBe(0);
    const folder = join(home, 'saml-lens');
    // --version is commander's, in the lazy half, which has a cache of its own.
    const mainCaches = () => readdirSync(folder).filter((f) => !f.includes('-lazy-'));
    const [other] = mainCaches();
    expect(run(home).status).toBeLessThan(2);
    const files = mainCaches();
    expect(files).toHaveLength(2);
    const check = files.find((f) => f !== other)!;
    expect(check).toContain('-check-');
    // The check's cache holds the analysis a --version run never compiles.
    expect(statSync(join(folder, check)).size).toBeGreaterThan(statSync(join(folder, other!)).size);
  });

  it('caches the lazy half (HTML pages, Redirect messages) on its own, only once a run needs it', () => {
    const home = join(work, 'lazy');
    const folder = join(home, 'saml-lens');
    expect(run(home).status).toBeLessThan(2);
    expect(readdirSync(folder).filter((f) => f.includes('-lazy-'))).toEqual([]);
    // A capture with a Redirect-binding request and the IdP's auto-post page needs fflate and parse5.
    const har = ['check', join(root, 'test', 'fixtures', 'flows', 'error-invalidnameidpolicy.har'), '--json'];
    const first = run(home, har);
    expect(first.status, first.stderr).toBe(1);
    expect(readdirSync(folder).filter((f) => f.includes('-lazy-check-'))).toHaveLength(1);
    const second = run(home, har);
    expect(second.status).toBe(1);
    expect(JSON.parse(second.stdout).flows).toEqual(JSON.parse(first.stdout).flows);
  });

  it('indents a one-line message in a ticket report with the XML formatter from the lazy half', () => {
    const home = join(work, 'report');
    const oneLine = join(work, 'one-line.xml');
    writeFileSync(oneLine, buildResponse().replace(/>\s+</g, '><'));
    const r = run(home, ['check', oneLine, '--format', 'markdown']);
    expect(r.status, r.stderr).toBeLessThan(2);
    const xml = /```xml\n([\s\S]*?)\n```/.exec(r.stdout)?.[1] ?? '';
    expect(xml.split('\n').length).toBeGreaterThan(5);
    expect(xml).toMatch(/\n {2}<saml:Issuer/);
    expect(readdirSync(join(home, 'saml-lens')).filter((f) => f.includes('-lazy-check-'))).toHaveLength(1);
  });

  it('is written again once a day, with what it held and what that run compiled', () => {
    const home = join(work, 'refresh');
    const folder = join(home, 'saml-lens');
    // The first check is of an unsigned message: its cache has none of the signature code.
    expect(run(home).status).toBeLessThan(2);
    const [name] = readdirSync(folder);
    const cache = join(folder, name!);
    const first = statSync(cache).size;
    const signed = join(work, 'signed.xml');
    writeFileSync(signed, signXml(buildResponse(), { key: loadTestKey('idp'), targets: ['assertion', 'root'] }));
    const check = ['check', signed, '--json'];
    expect(run(home, check).status).toBeLessThan(2);
    expect(statSync(cache).size).toBe(first);
    const dayAndHourAgo = (Date.now() - 25 * 60 * 60 * 1000) / 1000;
    utimesSync(cache, dayAndHourAgo, dayAndHourAgo);
    const refreshed = run(home, check);
    expect(refreshed.status, refreshed.stderr).toBeLessThan(2);
    expect(statSync(cache).size).toBeGreaterThan(first);
    expect(statSync(cache).mtimeMs).toBeGreaterThan(Date.now() - 60 * 60 * 1000);
    expect(JSON.parse(run(home, check).stdout).messages).toEqual(JSON.parse(refreshed.stdout).messages);
  });

  it('leaves a folder that others can write to alone', () => {
    const home = join(work, 'shared');
    mkdirSync(join(home, 'saml-lens'), { recursive: true });
    chmodSync(join(home, 'saml-lens'), 0o777);
    const r = run(home);
    expect(r.status, r.stderr).toBeLessThan(2);
    expect(readdirSync(join(home, 'saml-lens'))).toEqual([]);
  });

  it('runs uncached, without a word, where no cache folder can be made', () => {
    const r = run('/proc/saml-lens-nowhere', ['--version']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});
