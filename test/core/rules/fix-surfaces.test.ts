// The same fix text reaches the CLI and the extension's panel and viewer. A CLI flag alone means nothing to
// someone in DevTools: a fix that names one must also say where the extension does it, or mark the flag as the
// CLI's.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../lib/core/rules';

const FLAG = /(?:^|[\s(])--[a-z][a-z-]+/;

describe('general fixes read right in both the CLI and the extension', () => {
  const withFlags = RULES.filter((r) => FLAG.test(r.fix.general));

  it('some rule names a CLI flag (so the check below has something to check)', () => {
    expect(withFlags.length).toBeGreaterThan(0);
  });

  it.each(withFlags.map((r) => [r.slug, r.fix.general]))('%s: a CLI flag comes with the extension\'s place, or is marked as the CLI\'s', (_slug, text) => {
    for (const sentence of text.split('\n').filter((s) => FLAG.test(s))) {
      expect(sentence, sentence).toMatch(/\bin the extension\b|where the viewer offers|\bCLI:|\bin the CLI\b/);
    }
  });
});
