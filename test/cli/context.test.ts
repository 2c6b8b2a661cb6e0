import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mixedHar } from '../core/input/mixed-har';
import { runCli as run, tempFiles } from './run-cli';

const { dir, file } = tempFiles('saml-lens-context-');

const day = file('day.har', mixedHar({ before: 150, after: 150 }).text);
const entriesOf = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { log: { entries: Array<{ startedDateTime: string; request: { url: string } }> } }).log.entries;

describe('convert and check keep the requests around the SAML messages', () => {
  it('convert --to har writes every entry and says how many carry SAML', async () => {
    const out = join(dir, 'day.out.har');
    const r = await run('convert', day, '--to', 'har', '-o', out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(new RegExp(`^saml-lens: wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 304 entries \\(2 SAML\\) as har, redaction support`));
    expect(entriesOf(out)).toHaveLength(304);
  });

  it('HAR -> SAML-tracer -> HAR through the CLI keeps every entry and its capture time', async () => {
    const tracer = join(dir, 'day.saml-tracer.json');
    const back = join(dir, 'day.back.har');
    expect((await run('convert', day, '--to', 'saml-tracer', '--redact', 'none', '-o', tracer)).code).toBe(0);
    const r = await run('convert', tracer, '--to', 'har', '--redact', 'none', '-o', back);
    expect(r.err).toMatch(/: 304 entries \(2 SAML\) as har/);
    const before = entriesOf(day).map((e) => [e.request.url, e.startedDateTime]);
    expect(entriesOf(back).map((e) => [e.request.url, e.startedDateTime])).toEqual(before);
  });

  it('check says how many requests it read and how many carry SAML', async () => {
    const r = await run('check', day, '--no-color');
    expect(r.out).toContain('; 304 requests read, 2 with a SAML message');
    const json = JSON.parse((await run('check', day, '--json')).out) as { summary: { entries: number; messages: number } };
    expect(json.summary).toMatchObject({ entries: 304, messages: 2 });
  });

  it('past the limit, check reports it as a finding and convert as a note', async () => {
    const big = file('big.har', mixedHar({ before: 5_100, after: 0 }).text);
    const check = JSON.parse((await run('check', big, '--json')).out) as { findings: Array<{ rule: string; severity: string; message: string }>; summary: { entries: number } };
    const limit = check.findings.filter((f) => f.rule === 'input-limit');
    expect(limit).toEqual([
      {
        rule: 'input-limit',
        severity: 'warning',
        message: `${big}: Kept 5,004 of 5,104 entries: every request with a SAML message and the pages around it, and the first 5,000 other requests (the limit per file); the 100 later other requests were left out.`,
        fix: expect.any(Object),
      },
    ]);
    expect(check.summary.entries).toBe(5_004);
    const out = join(dir, 'big.out.har');
    const r = await run('convert', big, '--to', 'har', '-o', out);
    expect(r.err).toContain(': 5,004 entries (2 SAML) as har');
    expect(r.err).toContain(`saml-lens: note: ${big}: Kept 5,004 of 5,104 entries`);
    expect(entriesOf(out)).toHaveLength(5_004);
  });

  it('a HAR without any SAML message is still refused (exit 2), its requests notwithstanding', async () => {
    const none = file('none.har', JSON.stringify({ log: { version: '1.2', creator: { name: 'x' }, entries: [JSON.parse(readFileSync(day, 'utf8')).log.entries[0]] } }));
    const r = await run('check', none);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/holds 1 request and none carries a SAML message/);
  });
});
