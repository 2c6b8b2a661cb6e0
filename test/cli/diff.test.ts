// `saml-lens diff A B`: the login that works against the one that fails, on the generated pairs of
// test/fixtures/diff (certificate rollover, claim renamed, two good logins) and on bad inputs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildAuthnRequest, buildResponse, NAMEID } from '../../lib/samlgen';
import { buildDiffFiles } from '../fixtures/diff/files';
import { DIFF_DIR, PAIRS } from '../fixtures/diff/pairs';
import { entraFlow } from '../fixtures/flows/scenarios';
import { toHar } from '../fixtures/flows/har';
import { runCli, tempFiles } from './run-cli';

const root = join(import.meta.dirname, '..', '..');
const { dir, file } = tempFiles('saml-lens-diff-');
const CERT = join(root, 'test/fixtures/flows/idp.cert.pem');
const fixture = (name: string) => join(root, DIFF_DIR, name);
const flows = (name: string) => join(root, 'test/fixtures/flows', name);
const abs = (args: string[]) => args.map((a) => (a.startsWith('test/') ? join(root, a) : a));

const run = runCli;

interface Doc {
  schemaVersion: number;
  type: string;
  a: { input: string; scope: string; flow?: { number: number; kind: string }; messages: Array<{ index: number; kind: string }>; pseudonymised: boolean };
  b: Doc['a'];
  differences: Array<{ field: string; label: string; path: string; kind: string; a?: unknown; b?: unknown; importance: string; explains?: string[] }>;
  findings: { onlyA: Array<{ rule: string; explained: boolean }>; onlyB: Array<{ rule: string; severity: string; explained: boolean }> };
  summary: { matters: boolean; headline: string; differences: number };
  notes: string[];
  same?: unknown[];
}

async function diffJson(...argv: string[]): Promise<{ code: number; doc: Doc }> {
  const r = await run('diff', ...argv, '--json');
  expect(r.err).toBe('');
  return { code: r.code, doc: JSON.parse(r.out) as Doc };
}

afterEach(() => vi.restoreAllMocks());

describe('diff fixtures', () => {
  it('are what test/fixtures/diff/generate.ts writes (run `npm run fixtures:diff`)', () => {
    for (const f of buildDiffFiles()) expect(readFileSync(fixture(f.file), 'utf8'), f.file).toBe(f.content);
  });

  it('are documented with the command that compares each pair', () => {
    const readme = readFileSync(fixture('README.md'), 'utf8');
    for (const p of PAIRS) expect(readme).toContain(`npx saml-lens diff ${DIFF_DIR}/${p.a} ${DIFF_DIR}/${p.b} ${p.args.join(' ')}`);
  });
});

describe('saml-lens diff on the pairs: the one difference that matters comes first', () => {
  for (const p of PAIRS) {
    it(`${p.title}: exit ${p.expect.exit}${p.expect.top ? `, first ${p.expect.top.field} explaining ${p.expect.top.explains}` : ''}`, async () => {
      const { code, doc } = await diffJson(fixture(p.a), fixture(p.b), ...abs(p.args));
      expect(code).toBe(p.expect.exit);
      expect(doc.summary.matters).toBe(p.expect.exit === 1);
      if (p.expect.top) {
        expect(doc.differences[0]!.field).toBe(p.expect.top.field);
        expect(doc.differences[0]!.importance).toBe('critical');
        expect(doc.differences[0]!.explains).toContain(p.expect.top.explains);
        expect(doc.findings.onlyB.map((f) => [f.rule, f.severity, f.explained])).toContainEqual([p.expect.top.explains, 'error', true]);
        expect(doc.summary.headline).toContain(p.expect.top.explains);
      } else {
        expect(doc.differences.filter((d) => d.importance !== 'cosmetic')).toEqual([]);
      }
    });
  }

  it('rollover: names both certificates, and without a trusted certificate the change is no longer an error', async () => {
    const { doc } = await diffJson(fixture('entra-before-rollover.har'), fixture('entra-after-rollover.har'), '--idp-cert', CERT);
    const cert = doc.differences[0]!;
    expect(cert.label).toMatch(/Assertion signature certificate/);
    expect(cert.a).toMatch(/^533DB008/);
    expect(cert.b).not.toBe(cert.a);
    // Nothing trusted: both signatures are merely untrusted; the certificate still differs, but explains no error.
    const bare = await diffJson(fixture('entra-before-rollover.har'), fixture('entra-after-rollover.har'));
    expect(bare.code).toBe(1);
    // The SP refused the second login (its answer is in the capture): that shows as the flows' outcomes.
    expect(bare.doc.differences.map((d) => [d.field, d.importance])).toEqual([
      ['signature.certificate', 'major'],
      ['flow.outcome', 'major'],
    ]);
  });

  it('the text output says what matters first, with the finding it explains, and the verdict last', async () => {
    const { code, out } = await run('diff', fixture('flex-roles.har'), fixture('flex-role-renamed.har'), ...abs(PAIRS[1]!.args), '--no-color');
    expect(code).toBe(1);
    const lines = out.split('\n');
    const headline = lines.findIndex((l) => l.startsWith('What matters most:'));
    expect(headline).toBeGreaterThan(0);
    expect(headline).toBeLessThan(6);
    expect(lines[headline]).toContain('Attribute name: roles → role');
    expect(lines[headline]).toContain('B has attribute-missing (error)');
    expect(out).toMatch(/explains on B: error attribute-missing/);
    expect(out.trimEnd().split('\n').pop()).toBe('Something that matters differs.');
  });

  it('a capture against itself: nothing differs, exit 0', async () => {
    const { code, doc } = await diffJson(flows('okta-sp-initiated.har'), flows('okta-sp-initiated.har'));
    expect(code).toBe(0);
    expect(doc.differences).toEqual([]);
    expect(doc.summary.headline).toMatch(/^Nothing differs/);
  });
});

describe('saml-lens diff --json: the contract', () => {
  it('has the documented top-level fields and difference fields; same fields only with --include-same', async () => {
    const { doc } = await diffJson(fixture('entra-before-rollover.har'), fixture('entra-after-rollover.har'), '--idp-cert', CERT);
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'type', 'profile', 'at', 'a', 'b', 'differences', 'findings', 'summary', 'notes']);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.type).toBe('diff');
    expect(doc.a).toMatchObject({ scope: 'flow', flow: { number: 1, kind: 'sp-initiated' }, messages: [{ index: 0, kind: 'AuthnRequest' }, { index: 1, kind: 'Response' }] });
    for (const d of doc.differences) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['field', 'label', 'path', 'kind', 'importance']));
      expect(['added', 'removed', 'changed']).toContain(d.kind);
      expect(['critical', 'major', 'minor', 'cosmetic']).toContain(d.importance);
    }
    expect(doc.same).toBeUndefined();
    const all = await diffJson(fixture('entra-before-rollover.har'), fixture('entra-after-rollover.har'), '--idp-cert', CERT, '--include-same');
    expect(all.doc.same!.length).toBeGreaterThan(10);
  });

  it('never reports values that differ on every login (IDs, instants, signature values)', async () => {
    const { doc } = await diffJson(fixture('entra-before-rollover.har'), fixture('entra-next-login.har'), '--idp-cert', CERT, '--include-same');
    expect(doc.differences).toEqual([]);
    const text = JSON.stringify(doc.same);
    // The two logins carry other IDs and instants: none of them is compared, so none is printed.
    for (const id of ['_5e1f0c3a8b9d4e2f7a6c1b0d9e8f7a31', '_5e1f0c3a8b9d4e2f7a6c1b0d9e8f7a33', '2026-11-23T09:41']) expect(text).not.toContain(id);
  });
});

describe('saml-lens diff: picking what to compare', () => {
  const twoLogins = () => file('two-logins.har', toHar([...entraFlow('41'), ...entraFlow('42', { key: 'idp-next', accepted: false })]));

  it('two flows of one capture with --flow-a / --flow-b; the same flow twice is refused', async () => {
    const har = twoLogins();
    const { code, doc } = await diffJson(har, '--flow-a', '1', '--flow-b', '2', '--idp-cert', CERT);
    expect(code).toBe(1);
    expect([doc.a.flow?.number, doc.b.flow?.number]).toEqual([1, 2]);
    expect(doc.differences[0]!.field).toBe('signature.certificate');
    const same = await run('diff', har);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/give a second capture, or pick two flows/);
  });

  it('--message compares single messages; --flow N out of range is a usage error', async () => {
    const { doc } = await diffJson(fixture('entra-before-rollover.har'), fixture('entra-after-rollover.har'), '--message', '2', '--idp-cert', CERT);
    expect([doc.a.scope, doc.b.scope]).toEqual(['message', 'message']);
    expect(doc.a.messages).toEqual([{ index: 1, kind: 'Response' }]);
    expect(doc.differences[0]!.field).toBe('signature.certificate');
    const r = await run('diff', fixture('entra-before-rollover.har'), fixture('entra-after-rollover.har'), '--flow', '3');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/A \(.*\) has 1 flow; there is no flow 3/);
    const both = await run('diff', fixture('entra-before-rollover.har'), fixture('entra-after-rollover.har'), '--flow-a', '1', '--message-a', '1');
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/pick a flow or a message, not both/);
  });

  it('a single message file against a whole flow compares the messages of the same kind', async () => {
    const har = JSON.parse(readFileSync(fixture('entra-after-rollover.har'), 'utf8'));
    const post = har.log.entries.find((e: { request: { method: string; postData?: { params?: Array<{ name: string; value: string }> } } }) => e.request.postData?.params?.some((p) => p.name === 'SAMLResponse'));
    const value = decodeURIComponent(post.request.postData.params.find((p: { name: string }) => p.name === 'SAMLResponse').value);
    const message = file('after-response.txt', value);
    const { doc } = await diffJson(fixture('entra-before-rollover.har'), message, '--idp-cert', CERT);
    expect(doc.b.scope).toBe('message');
    expect(doc.notes.join(' ')).toMatch(/one message and the other side a whole flow/);
    expect(doc.differences.map((d) => d.field)).not.toContain('message');
    expect(doc.differences[0]!.field).toBe('signature.certificate');
  });
});

describe('saml-lens diff on bad input: a clear message, exit 2, never a crash', () => {
  it('a Response against an AuthnRequest', async () => {
    const response = file('response.xml', buildResponse({ nameId: { value: 'alice@example.test', format: NAMEID.email } }));
    const request = file('request.xml', buildAuthnRequest());
    const r = await run('diff', response, request);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/A \(.*response\.xml\) holds Response and B \(.*request\.xml\) holds AuthnRequest: no message of the same kind to compare/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('two empty files', async () => {
    const r = await run('diff', file('empty-a.txt', ''), file('empty-b.txt', '  \n'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^saml-lens: A: .*empty-a\.txt: The input is empty\.\n$/);
  });

  it('a file without any SAML message on one side', async () => {
    const har = JSON.parse(readFileSync(fixture('entra-before-rollover.har'), 'utf8'));
    har.log.entries = har.log.entries.filter((e: { request: { url: string } }) => !/SAML/.test(JSON.stringify(e)) && e.request.url.startsWith('https://sp.'));
    const r = await run('diff', fixture('entra-before-rollover.har'), file('no-saml.har', JSON.stringify(har)));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^saml-lens: B: .*no-saml\.har: .*none carries a SAML message/);
  });

  it('unrelated flows: a login against a logout, and logins to another application', async () => {
    const logout = await run('diff', flows('okta-sp-initiated.har'), flows('logout.har'));
    expect(logout.code).toBe(2);
    expect(logout.err).toMatch(/holds AuthnRequest, Response and B .* holds LogoutRequest, LogoutResponse: no message of the same kind/);
    const other = file(
      'other-app.xml',
      buildResponse({ issuer: 'https://idp.other.test', audiences: ['https://app.other.test'], nameId: { value: 'bob@other.test', format: NAMEID.email } }),
    );
    const mine = file('mine.xml', buildResponse({ issuer: 'https://idp.example.test/metadata', audiences: ['https://sp.example.test/metadata'] }));
    const r = await run('diff', mine, other);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/share no IdP or SP entity ID .*--force/);
    const forced = await diffJson(mine, other, '--force');
    expect(forced.code).toBe(1);
    expect(forced.doc.notes.join(' ')).toMatch(/look like logins to different applications/);
  });

  it('bad options', async () => {
    for (const argv of [
      ['diff', fixture('flex-roles.har'), fixture('flex-role-renamed.har'), '--flow', '0'],
      ['diff', fixture('flex-roles.har'), fixture('flex-role-renamed.har'), '--redact', 'everything'],
      ['diff', fixture('flex-roles.har'), join(dir, 'missing.har')],
      ['diff'],
    ]) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});

describe('saml-lens diff --format markdown: a report for a ticket, redacted', () => {
  it('defaults to the support profile; share pseudonymises personal values consistently across A and B', async () => {
    const a = file('alice.xml', buildResponse({ nameId: { value: 'alice@example.test', format: NAMEID.email }, attributes: [{ name: 'mail', values: ['alice@example.test'] }] }));
    const b = file('bob.xml', buildResponse({ nameId: { value: 'bob@example.test', format: NAMEID.email }, attributes: [{ name: 'mail', values: ['alice@example.test'] }] }));
    const support = await run('diff', a, b, '--format', 'markdown');
    expect(support.code).toBe(1);
    expect(support.out).toMatch(/^# SAML Lens comparison/);
    expect(support.out).toContain('Redaction profile: support');
    expect(support.out).toContain('bob@example.test');
    const shared = await run('diff', a, b, '--format', 'markdown', '--redact', 'share');
    expect(shared.out).not.toMatch(/alice@|bob@/);
    // The NameID changed from one person to another: still a visible change, between two pseudonyms.
    expect(shared.out).toMatch(/- A: user1@example\.invalid\n- B: user2@example\.invalid/);
    // The attribute holds the same value on both sides: not a difference, whatever its pseudonym.
    expect(shared.out).not.toContain('Attribute "mail"');
  });

  it('comparing two share-redacted exports compares pseudonyms and says so; one redacted side leaves values out', async () => {
    const convert = async (name: string) => {
      const out = join(dir, `${name}.samllens.json`);
      expect((await run('convert', fixture(name), '--to', 'trace', '--redact', 'share', '--idp-cert', CERT, '-o', out)).code).toBe(0);
      return out;
    };
    const before = await convert('entra-before-rollover.har');
    const after = await convert('entra-after-rollover.har');
    const both = await diffJson(before, after, '--idp-cert', CERT);
    expect([both.doc.a.pseudonymised, both.doc.b.pseudonymised]).toEqual([true, true]);
    expect(both.doc.notes.join(' ')).toMatch(/Both sides are pseudonymised/);
    // Redacted signatures are claims on both sides (not verified here), but the certificate each message names
    // is read from its bytes: the rollover still shows first.
    expect(both.doc.differences[0]!.field).toBe('signature.certificate');
    const one = await diffJson(fixture('entra-before-rollover.har'), after, '--idp-cert', CERT);
    expect(one.doc.notes.join(' ')).toMatch(/Only B is pseudonymised/);
    expect(one.doc.differences.map((d) => d.field)).not.toEqual(expect.arrayContaining(['nameId']));
    expect(one.doc.differences.filter((d) => d.field === 'attribute')).toEqual([]);
  });
});
