// The committed samples were made by real tools (test/samples/README.md): import them, export them in every
// format with redaction, and look for the values planted during the recording.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractMessages } from '../../../lib/core/binding';
import { fromHarEntry, readInput } from '../../../lib/core/input';
import { exportEntries, type ExportFormat } from '../../../lib/core/trace';
import { SAMPLE_COOKIES as COOKIES, SAMPLE_PLANTED } from '../../samples/planted';
import { leaks } from './leaks';

const har = readFileSync(fileURLToPath(new URL('../../samples/chromium-playwright.har', import.meta.url)), 'utf8');
const NOW = () => new Date('2026-11-22T18:00:00Z');

function kinds(text: string): string[] {
  return readInput(text).entries.flatMap((e) => extractMessages(e).map((m) => `${m.binding} ${/<\w+:(\w+)/.exec(m.xml ?? '')?.[1]}`));
}

describe('HAR recorded by Chromium through playwright-core', () => {
  it('imports: the signed Redirect AuthnRequest and the POST Response, with capture times', () => {
    const input = readInput(har);
    expect(input.format).toBe('har');
    expect(kinds(har)).toEqual(['HTTP-Redirect AuthnRequest', 'HTTP-POST Response']);
    expect(input.entries.every((e) => e.capturedAt?.startsWith('2026-'))).toBe(true);
    // The recording carries what redaction must remove (else the leak tests below prove nothing).
    expect(leaks(har, { password: SAMPLE_PLANTED.password, nameId: SAMPLE_PLANTED.username, name: SAMPLE_PLANTED.displayName })).toHaveLength(3);
  });

  for (const format of ['trace', 'har', 'saml-tracer'] as ExportFormat[]) {
    it(`re-exports as ${format} with share: same messages, nothing planted survives`, () => {
      const entries = readInput(har).entries;
      const out = exportEntries(entries, { format, profile: 'share', now: NOW });
      expect(leaks(out.text, { ...SAMPLE_PLANTED, ...COOKIES })).toEqual([]);
      if (format !== 'trace') expect(kinds(out.text)).toEqual(kinds(har));
    });
  }

  it('the full recording (every request, not only SAML ones) exported with support loses its password and cookies', () => {
    // readInput keeps SAML requests only; the login POST with the password is read entry by entry.
    const raw = JSON.parse(har) as { log: { entries: unknown[] } };
    const entries = raw.log.entries.flatMap((e, i) => fromHarEntry(e, i, 'Playwright') ?? []);
    expect(entries).toHaveLength(5);
    expect(leaks(JSON.stringify(entries), { password: SAMPLE_PLANTED.password, ...COOKIES })).toHaveLength(4);
    for (const format of ['trace', 'har', 'saml-tracer'] as ExportFormat[]) {
      const out = exportEntries(entries, { format, profile: 'support', now: NOW });
      expect(leaks(out.text, { password: SAMPLE_PLANTED.password, ...COOKIES })).toEqual([]);
      // Support keeps the person: the engineer needs to see who tried to sign in.
      expect(out.text).toContain(SAMPLE_PLANTED.username);
    }
  });
});
