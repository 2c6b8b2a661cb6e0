import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import { exportEntries } from '../../lib/core/trace';
import { loadTestKey } from '../../lib/samlgen';
import { PERSONAL, plantedFlow, SECRETS } from '../core/trace/flow';
import { tempFiles } from './run-cli';

const temp = tempFiles('saml-lens-convert-');
const dir = temp.dir;
// The customer's file: a HAR with every cookie, token and personal value still in it.
const capture = temp.file('customer.har', exportEntries(plantedFlow(), { format: 'har', profile: 'none' }).text);
const cert = temp.file('idp.pem', loadTestKey('idp').certificatePem);

async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(argv, (s) => {
    out += s;
  });
  return { code, out };
}

const variants = (v: string) => [v, encodeURIComponent(v), Buffer.from(v).toString('base64')];

describe('saml-lens convert', () => {
  for (const to of ['trace', 'har', 'saml-tracer'] as const) {
    it(`--to ${to} --redact share leaves no planted secret or personal value in the file`, async () => {
      const file = join(dir, `shared.${to}.json`);
      const { code } = await run('convert', capture, '--to', to, '--redact', 'share', '-o', file, '--idp-cert', cert);
      expect(code).toBe(0);
      const bytes = readFileSync(file, 'utf8');
      for (const secret of [...Object.values(SECRETS), PERSONAL.nameId, PERSONAL.displayName, PERSONAL.employeeId]) {
        for (const form of variants(secret)) expect(bytes, `${secret} survived in ${to}`).not.toContain(form);
      }
    });
  }

  it('the default support profile removes credentials but keeps the identity a support engineer needs', async () => {
    const file = join(dir, 'support.har');
    await run('convert', capture, '--to', 'har', '-o', file);
    const bytes = readFileSync(file, 'utf8');
    for (const secret of Object.values(SECRETS)) expect(bytes).not.toContain(secret);
    expect(bytes).toContain(encodeURIComponent(PERSONAL.otherEmail));
  });

  it('a redacted trace re-checks to its captured verdicts as claims, never "signature broken" nor valid', async () => {
    const before = JSON.parse((await run('check', capture, '--idp-cert', cert, '--json')).out);
    const file = join(dir, 'shared.trace.json');
    await run('convert', capture, '--to', 'trace', '--redact', 'share', '-o', file, '--idp-cert', cert);
    const after = JSON.parse((await run('check', file, '--json')).out);
    const statuses = (doc: { messages: Array<{ signatures: Array<{ status: string }> }> }) =>
      doc.messages.flatMap((m) => m.signatures.map((s) => s.status));
    expect(statuses(after)).toEqual(statuses(before).map((s) => (s === 'valid' ? 'untrusted' : s)));
    expect(after.messages.flatMap((m: { signatures: Array<{ captured?: boolean }> }) => m.signatures.filter((s) => s.captured)).length).toBeGreaterThan(0);
    expect(after.messages.flatMap((m: { findings: Array<{ rule: string }> }) => m.findings.map((f) => f.rule))).not.toContain('signature-invalid');
  });

  it("lists a trace's saved settings without applying them, and applies them only with --use-saved-settings", async () => {
    const file = join(dir, 'settings.trace.json');
    await run('convert', capture, '--to', 'trace', '--redact', 'none', '-o', file, '--idp-cert', cert);
    const plain = JSON.parse((await run('check', file, '--json')).out);
    const note = (doc: { findings: Array<{ rule: string; severity: string; message: string }> }) => doc.findings.find((f) => f.rule === 'saved-settings');
    expect(note(plain)).toMatchObject({ severity: 'info', message: expect.stringMatching(/1 trusted IdP certificate.*not applied.*--use-saved-settings/) });
    const statuses = (doc: { messages: Array<{ signatures: Array<{ status: string }> }> }) => doc.messages.flatMap((m) => m.signatures.map((s) => s.status));
    expect(statuses(plain)).not.toContain('valid');
    const applied = JSON.parse((await run('check', file, '--json', '--use-saved-settings')).out);
    expect(note(applied)?.message).toMatch(/were applied, as asked/);
    expect(statuses(applied)).toContain('valid');
  });

  it('check --format html writes one self-contained, script-free report; markdown names the rules', async () => {
    const html = (await run('check', capture, '--format', 'html', '--redact', 'share')).out;
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/<script|https?:\/\/[^"'\s<]*\.(css|js)/i);
    expect(html).not.toContain(PERSONAL.nameId);
    const md = (await run('check', capture, '--format', 'markdown')).out;
    expect(md).toMatch(/^# /);
    expect(md).toContain('`unsolicited-response`');
  });

  it('refuses an unknown target format or redaction profile with exit 2', async () => {
    expect((await run('convert', capture, '--to', 'pdf')).code).toBe(2);
    expect((await run('convert', capture, '--to', 'har', '--redact', 'everything')).code).toBe(2);
  });
});
