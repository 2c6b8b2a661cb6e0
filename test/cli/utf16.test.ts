import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportEntries } from '../../lib/core/trace';
import { plantedFlow } from '../core/trace/flow';
import { runCli, tempFiles } from './run-cli';

const text = exportEntries(plantedFlow(), { format: 'har', profile: 'none' }).text;
const files = tempFiles('saml-lens-utf16-');
const utf8 = files.file('utf8.har', text);

describe('check on a HAR saved as UTF-16 with a byte-order mark (Windows PowerShell 5 `>`)', () => {
  it.each([
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
  ])('%s gives the same findings and exit code as UTF-8', async (enc, bytes) => {
    const path = files.file(`${enc}.har`, '');
    writeFileSync(path, bytes);
    const [a, b] = [await runCli('check', utf8, '--json'), await runCli('check', path, '--json')];
    expect(b.err).toBe('');
    expect(b.code).toBe(a.code);
    const findings = (out: string) => (JSON.parse(out) as { messages: Array<{ findings: Array<{ rule: string }> }> }).messages.map((m) => m.findings.map((f) => f.rule));
    expect(findings(b.out)).toEqual(findings(a.out));
  });
});
