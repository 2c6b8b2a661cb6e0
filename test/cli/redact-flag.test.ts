// --redact is honoured where it applies and refused where it cannot be: never ignored with personal data printed.
import { describe, expect, it } from 'vitest';
import { exportEntries } from '../../lib/core/trace';
import { PERSONAL, plantedFlow } from '../core/trace/flow';
import { runCli, tempFiles } from './run-cli';

const capture = tempFiles('saml-lens-redact-flag-').file('customer.har', exportEntries(plantedFlow(), { format: 'har', profile: 'none' }).text);

describe('check --redact', () => {
  it.each([
    [['--format', 'json', '--redact', 'share'], 'json'],
    [['--json', '--redact', 'support'], 'json'],
    [['--format', 'text', '--redact', 'share'], 'text'],
    [['--redact', 'share'], 'text'],
  ])('%j is a usage error naming the formats it applies to', async (flags, format) => {
    const r = await runCli('check', capture, ...flags);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).not.toContain(PERSONAL.nameId);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(new RegExp(`^saml-lens: --redact \\w+ applies to --format markdown and html only; ${format} output is never redacted`));
  });

  it('none with json is what json is: accepted', async () => {
    const r = await runCli('check', capture, '--json', '--redact', 'none');
    expect(r.code).not.toBe(2);
    expect(r.out).toContain(PERSONAL.nameId);
  });

  it('html --redact share still pseudonymises, and html without --redact still defaults to support', async () => {
    const shared = await runCli('check', capture, '--format', 'html', '--redact', 'share');
    expect(shared.code).not.toBe(2);
    expect(shared.out).not.toContain(PERSONAL.nameId);
    const plain = await runCli('check', capture, '--format', 'markdown');
    expect(plain.out).toMatch(/Redaction[^\n]*support/);
  });
});
