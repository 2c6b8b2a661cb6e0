// One value nested deeper than the call stack must not cost the user the export or the check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportEntries } from '../../lib/core/trace';
import { plantedFlow } from '../core/trace/flow';
import { runCli, tempFiles } from './run-cli';

const DEPTH = 10_000;
const deep = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
const files = tempFiles('saml-lens-deep-');
const har = JSON.parse(exportEntries(plantedFlow(), { format: 'har', profile: 'none' }).text) as { log: { entries: Array<Record<string, unknown>> } };
const count = har.log.entries.length;
har.log.entries.push({ ...har.log.entries[0], request: { method: 'GET', url: 'https://api.example.test/deep', httpVersion: 'HTTP/1.1', headers: [], cookies: [], queryString: [], headersSize: -1, bodySize: -1 }, response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 0, mimeType: 'application/json', text: '__DEEP__' }, redirectURL: '', headersSize: -1, bodySize: -1 } });
// The body is a JSON text in a JSON string: its brackets need no escaping.
const capture = files.file('deep-body.har', JSON.stringify(har).replace('__DEEP__', deep));

describe('a capture with a JSON body nested 10,000 deep', () => {
  it.each(['har', 'trace', 'saml-tracer'])('convert --to %s writes every entry', async (to) => {
    const out = join(files.dir, `out.${to}`);
    const r = await runCli('convert', capture, '--to', to, '--redact', 'share', '-o', out);
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(new RegExp(`wrote .*: ${count + 1} entries`));
    if (to === 'har') expect(readFileSync(out, 'utf8')).toContain('['.repeat(100));
  });
});

describe('a profile file nested 10,000 deep', () => {
  const profile = files.file('deep-profile.json', `{"name":"p","extra":${deep}}`);

  it('is refused as a profile, and the export keeps the capture', async () => {
    const out = join(files.dir, 'with-profile.trace');
    const r = await runCli('convert', capture, '--to', 'trace', '--profile-file', profile, '-o', out);
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const trace = JSON.parse(readFileSync(out, 'utf8')) as { entries: unknown[]; settings: Record<string, unknown> };
    expect(trace.entries).toHaveLength(count + 1);
    expect(trace.settings.profileDocument).toBeUndefined();
  });
});
