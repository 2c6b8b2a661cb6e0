import { execFileSync, spawnSync } from 'node:child_process';
import { truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import { tempFiles } from './run-cli';
import {
  buildAuthnRequest,
  buildResponse,
  encodePostValue,
  encodeRedirectQuery,
  loadTestKey,
  NAMEID,
  signXml,
  STATUS,
} from '../../lib/samlgen';

const root = join(import.meta.dirname, '..', '..');
const { dir, file } = tempFiles('saml-lens-cli-');
const idp = loadTestKey('idp');

async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(argv, (s) => {
    out += s;
  });
  return { code, out };
}

function harOf(entries: Array<{ method: string; url: string; form?: Record<string, string>; at: string }>): string {
  return JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'test', version: '1' },
      entries: entries.map((e) => {
        const text = e.form ? new URLSearchParams(e.form).toString() : undefined;
        return {
          startedDateTime: e.at,
          time: 10,
          request: {
            method: e.method,
            url: e.url,
            httpVersion: 'HTTP/1.1',
            headers: [],
            queryString: [],
            cookies: [],
            headersSize: -1,
            bodySize: text?.length ?? 0,
            ...(text ? { postData: { mimeType: 'application/x-www-form-urlencoded', text } } : {}),
          },
          response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 0, mimeType: 'text/html' }, redirectURL: '', headersSize: -1, bodySize: 0 },
          cache: {},
          timings: { send: 0, wait: 10, receive: 0 },
        };
      }),
    },
  });
}

const sp = { entity: 'https://sp.example.test/metadata', acs: 'https://sp.example.test/acs' };
const at = '2026-01-15T10:00:00Z';

function spInitiatedFlow(response: Partial<Parameters<typeof buildResponse>[0]> = {}, sign: Array<'root' | 'assertion'> = ['root', 'assertion']): string {
  const request = buildAuthnRequest({ id: '_req42', acsUrl: sp.acs, issuer: sp.entity, issueInstant: at });
  const xml = buildResponse({ inResponseTo: '_req42', destination: sp.acs, audiences: [sp.entity], issueInstant: at, ...response });
  return harOf([
    { method: 'GET', url: `https://idp.example.test/sso?${encodeRedirectQuery(request, { param: 'SAMLRequest', relayState: 'home' })}`, at },
    { method: 'POST', url: sp.acs, form: { SAMLResponse: encodePostValue(signXml(xml, { key: idp, targets: sign })), RelayState: 'home' }, at: '2026-01-15T10:00:02Z' },
  ]);
}

describe('saml-lens check', () => {
  beforeAll(() => {
    execFileSync('node', ['lib/scripts/build-node.mjs'], { cwd: root });
  });

  it('finds both messages of an SP-initiated flow, correlates them, and exits 0 when nothing is wrong', async () => {
    const har = file('clean.har', spInitiatedFlow());
    const cert = file('idp.pem', idp.certificatePem);
    const { code, out } = await run('check', har, '--idp-cert', cert, '--json');
    const doc = JSON.parse(out);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.messages.map((m: { kind: string; binding: string }) => [m.kind, m.binding])).toEqual([
      ['AuthnRequest', 'HTTP-Redirect'],
      ['Response', 'HTTP-POST'],
    ]);
    const response = doc.messages[1];
    expect(response.inResponseTo).toBe('_req42');
    expect(response.flow).toBe(doc.messages[0].flow);
    expect(response.nameId).toEqual({ value: 'alice@example.test', format: NAMEID.email });
    expect(response.signatures.map((s: { status: string }) => s.status)).toEqual(['valid', 'valid']);
    expect(response.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
  });

  it('prints the JSON schema fields of every message and no decoded XML unless asked', async () => {
    const har = file('schema.har', spInitiatedFlow());
    const { out } = await run('check', har, '--json');
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['schemaVersion', 'messages', 'findings', 'summary']));
    for (const m of doc.messages) {
      expect(Object.keys(m)).toEqual(
        expect.arrayContaining(['source', 'entry', 'kind', 'binding', 'url', 'capturedAt', 'attributes', 'signatures', 'findings']),
      );
      expect(m.xml).toBeUndefined();
      expect(m.view).toBeUndefined();
      for (const f of m.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(['rule', 'severity', 'message']));
    }
    const withXml = JSON.parse((await run('check', har, '--json', '--include-xml')).out);
    expect(withXml.messages[1].xml).toContain('<samlp:Response');
  });

  it('exits 1 and names the rule when the Response is not signed under a profile that requires it', async () => {
    const har = file('assertion-only.har', spInitiatedFlow({}, ['assertion']));
    const { code, out } = await run('check', har, '--profile', 'twilio-flex', '--account-sid', `AC${'0'.repeat(32)}`, '--json');
    const rules = JSON.parse(out).messages[1].findings.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`);
    expect(rules).toContain('response-unsigned:error');
    expect(code).toBe(1);
  });

  it('explains an error status in the human output with the AD FS fix', async () => {
    const xml = buildResponse({
      inResponseTo: '_req42',
      destination: sp.acs,
      issueInstant: at,
      status: { code: STATUS.requester, subCode: 'urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy' },
    });
    const path = file('status.xml', xml);
    const { code, out } = await run('check', path, '--no-color');
    expect(out).toContain('status-error');
    expect(out).toContain('InvalidNameIDPolicy');
    // No recognised IdP: the general fix, and the IdPs with their own steps named on one line.
    // (Text wraps at 80 columns when not a terminal: lines are read joined.)
    const flat = (t: string) => t.replace(/\s+/g, ' ');
    expect(flat(out)).toMatch(/Other IdPs: .*AD FS.*--verbose/);
    expect(flat(out)).not.toMatch(/AD FS: .*Transform an Incoming Claim/);
    const verbose = await run('check', path, '--no-color', '--verbose');
    expect(flat(verbose.out)).toMatch(/AD FS: .*Transform an Incoming Claim/);
    expect(code).toBe(1);
  });

  it('reads a message from stdin, a URL and base64 given directly', async () => {
    const query = encodeRedirectQuery(buildAuthnRequest({ issueInstant: at }), { param: 'SAMLRequest' });
    const viaUrl = await run('check', `https://idp.example.test/sso?${query}`, '--json');
    expect(JSON.parse(viaUrl.out).messages[0].kind).toBe('AuthnRequest');
    const b64 = encodePostValue(buildResponse({ issueInstant: at }));
    const viaArg = await run('check', b64, '--json');
    expect(JSON.parse(viaArg.out).messages[0].kind).toBe('Response');
    const bin = spawnSync('node', ['lib/cli/bin.cjs', 'check', '-', '--json'], { cwd: root, input: b64, encoding: 'utf8' });
    expect(JSON.parse(bin.stdout).messages[0].kind).toBe('Response');
  });

  it('exits 2 with one clear line and no stack trace for unusable input and bad usage', () => {
    const cases: string[][] = [
      ['check', join(dir, 'missing.har')],
      ['check', file('garbage.txt', 'hello, this is not SAML at all')],
      ['check', file('broken.json', '{"log": {"entries": [')],
      ['check'],
      ['check', file('x.xml', buildResponse()), '--at', 'yesterday'],
      ['frobnicate'],
    ];
    for (const argv of cases) {
      const r = spawnSync('node', ['lib/cli/bin.cjs', ...argv], { cwd: root, encoding: 'utf8' });
      expect(r.status, argv.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('judges the inputs it can read when another is unusable, then names each unusable one and exits 2', () => {
    const good = file('good.har', spInitiatedFlow());
    const broken = file('cut-short.har', '{"log": {"entries": [');
    const missing = join(dir, 'never-saved.har');
    const r = spawnSync('node', ['lib/cli/bin.cjs', 'check', good, broken, missing, '--json'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.messages.map((m: { kind: string }) => m.kind)).toEqual(['AuthnRequest', 'Response']);
    expect(doc.inputs).toEqual([good]);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^saml-lens: .*cut-short\.har: .*not valid JSON/);
    expect(lines[1]).toBe(`saml-lens: cannot read ${missing}: no such file`);
  });

  it('says how to capture less when a file is larger than the text Node can hold', () => {
    // Sparse: 513 MB on disk costs no disk and no time to write.
    const big = join(dir, 'day-long.har');
    writeFileSync(big, '');
    truncateSync(big, 513 * 1024 * 1024);
    const r = spawnSync('node', ['lib/cli/bin.cjs', 'check', big], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^saml-lens: cannot read .*day-long\.har: at 513 MB it is larger than the 512 MB of text Node can hold\. Capture only the sign-in/);
    unlinkSync(big);
  });

  it('reports what the reader noticed in the input as a trace finding, counted in the summary', async () => {
    const har = JSON.parse(spInitiatedFlow());
    har.log.entries[1].startedDateTime = 'yesterday-ish';
    const doc = JSON.parse((await run('check', file('odd-time.har', JSON.stringify(har)), '--json')).out);
    const noted = doc.findings.filter((f: { rule: string }) => f.rule === 'input-unrecognised');
    expect(noted).toHaveLength(1);
    expect(noted[0].message).toMatch(/startedDateTime "yesterday-ish" is not a time/);
    expect(doc.summary.infos).toBeGreaterThanOrEqual(1);
  });

  it('gives a decode-failed finding, not a crash, for truncated base64 and bad DEFLATE', async () => {
    const truncated = encodePostValue(buildResponse()).slice(0, 101);
    const r1 = await run('check', file('trunc.txt', `SAMLResponse=${encodeURIComponent(truncated)}`), '--json');
    expect(JSON.parse(r1.out).messages[0].findings.map((f: { rule: string }) => f.rule)).toContain('decode-failed');
    expect(r1.code).toBe(1);
    const r2 = await run('check', `https://idp.example.test/sso?SAMLRequest=${encodeURIComponent(Buffer.from('not deflate at all, just bytes').toString('base64'))}`, '--json');
    expect(JSON.parse(r2.out).messages[0].findings.map((f: { rule: string }) => f.rule)).toContain('decode-failed');
  });
});
