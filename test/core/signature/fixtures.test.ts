import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFixtures, type Fixture } from '../../fixtures/attacks';
import { errorsOf, fixturesDir, readFixture, runFixture, statusOf, trust } from './helpers';

const manifest = JSON.parse(readFileSync(`${fixturesDir}manifest.json`, 'utf8')) as Array<Omit<Fixture, 'content'>>;

describe('signature fixtures (idp certificate trusted)', () => {
  it('committed fixtures match what test/fixtures/generate.ts produces (run `npm run fixtures`)', () => {
    const fresh = buildFixtures();
    expect(manifest).toEqual(fresh.map(({ content: _c, ...rest }) => rest));
    for (const f of fresh) expect(readFixture(f.file), f.file).toBe(f.content);
  });

  for (const entry of manifest) {
    it(`${entry.file}: ${entry.description}`, async () => {
      const run = await runFixture({ kind: entry.kind, content: readFixture(entry.file) }, trust('idp'));
      const e = entry.expect;
      if (e.parseErrors) {
        expect(run.parseErrors).toEqual(expect.arrayContaining(e.parseErrors));
        return;
      }
      const analysis = run.analysis!;
      const status = statusOf(analysis);
      for (const [path, want] of Object.entries(e.verdicts ?? {})) expect(status[path], `${path} in ${JSON.stringify(status)}`).toBe(want);
      if (e.errors) expect(errorsOf(analysis)).toEqual(expect.arrayContaining(e.errors));
      if (!e.errors) expect(errorsOf(analysis)).toEqual([]);
      for (const path of e.forged ?? []) expect(status[path], `forged ${path} must not be valid`).not.toBe('valid');
      if (e.nameIdSplitBy) expect(run.parsed!.view.assertions[0]?.nameId?.splitBy).toBe(e.nameIdSplitBy);
      if (entry.file.startsWith('attack-') && !e.nameIdSplitBy) {
        // every attack yields an error finding, and no signature in an attacked message is 'valid' unless
        // it is the genuine one left intact beside the forgery
        expect(run.parseErrors.length + errorsOf(analysis).length).toBeGreaterThan(0);
      }
    });
  }
});
