// Issue 17: every forgery class runs through the CLI as a user would run it, on the committed fixtures.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import { buildForgeries } from '../fixtures/forgeries';

const root = join(import.meta.dirname, '..', '..');
const dir = join(root, 'test', 'fixtures', 'forgeries', 'files');
const fixtures = buildForgeries();


async function run(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const prev = process.cwd();
  process.chdir(root);
  try {
    const code = await main(argv, (s) => {
      out += s;
    });
    return { code, out };
  } finally {
    process.chdir(prev);
  }
}

interface JsonFinding { rule: string; severity: string }
interface JsonReport {
  findings: JsonFinding[];
  messages: Array<{ findings: JsonFinding[]; signatures: Array<{ status: string | null }> }>;
}

describe('forgery fixtures', () => {
  it('are current (npm run fixtures:forgeries)', () => {
    const committed = readdirSync(dir).filter((f) => f !== 'manifest.json').sort();
    expect(committed).toEqual(fixtures.map((f) => f.file).sort());
    for (const f of fixtures) expect(readFileSync(join(dir, f.file), 'utf8'), f.file).toBe(f.content);
  });

  for (const f of fixtures) {
    it(`class ${f.class}: ${f.file} - ${f.description}`, async () => {
      const path = join('test', 'fixtures', 'forgeries', 'files', f.file);
      const argv = (f.argv ?? ['check', '{file}', '--json', '--idp-cert', 'test/keys/idp.cert.pem']).map((a) => a.replaceAll('{file}', path));
      const { code, out } = await run(argv);
      expect(code, out.slice(0, 2000)).toBe(f.expect.exit ?? 1);
      for (const s of f.expect.absent ?? []) expect(out, `"${s}" leaked`).not.toContain(s);
      if (!argv.includes('--json')) return;
      const report = JSON.parse(out) as JsonReport;
      const all = [...report.findings, ...report.messages.flatMap((m) => m.findings)];
      const errors = new Set(all.filter((x) => x.severity === 'error').map((x) => x.rule));
      for (const rule of f.expect.errors ?? []) expect([...errors], `expected an error ${rule}`).toContain(rule);
      if (f.expect.noValid ?? (f.expect.exit ?? 1) === 1) {
        const statuses = report.messages.flatMap((m) => m.signatures.map((s) => s.status));
        expect(statuses, 'a forged message has a valid signature').not.toContain('valid');
      }
    });
  }
});
