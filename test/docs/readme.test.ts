import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, renderRuleReference } from '../../lib/core/rules';
import { PROFILES } from '../../lib/core/profiles';
import { renderProfileTable } from '../../lib/scripts/profile-table';
import { withSection } from '../../lib/scripts/readme-section';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('carries the rule reference generated from the current rule metadata (run `npm run docs` when this fails)', () => {
    expect(readme).toBe(withSection(readme, 'rules', renderRuleReference()));
  });

  it('carries the profile table generated from the profiles (run `npm run docs` when this fails)', () => {
    expect(readme).toBe(withSection(readme, 'profiles', renderProfileTable()));
  });

  it('names every rule slug and every profile', () => {
    for (const rule of RULES) expect(readme).toContain(`\`${rule.slug}\``);
    for (const profile of PROFILES) expect(readme).toContain(`\`${profile.id}\``);
  });

  it('documents every dependency in package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const deps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies)];
    const table = readme.slice(readme.indexOf('<!-- deps:start -->'), readme.indexOf('<!-- deps:end -->'));
    for (const dep of deps) {
      const documented = table.includes(`\`${dep}\``) || (dep.startsWith('@types/') && table.includes('`@types/*`'));
      expect(documented, `${dep} is not explained in the README's dependency table`).toBe(true);
    }
  });
});
