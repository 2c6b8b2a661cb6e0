// The documentation a user reads: the README stays a front door, every generated reference beside the code is
// current, every relative link resolves, and each folder of lib/ says what it holds and may import.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../lib/core/rules';
import { builtinProfiles } from '../../lib/core/profiles';
import { GENERATED_SECTIONS } from '../../lib/scripts/docs-pages';
import { withSection } from '../../lib/scripts/readme-section';
import { brokenReason, relativeLinks } from './links';

const root = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const readme = read('README.md');

/** Screenshots another change generates; referenced before they land. Remove an entry once its file exists. */
const PENDING_FILES = new Set<string>();

/** README.md, the top-level pages, and every README.md under lib/, entrypoints/ and test/. */
function pages(): string[] {
  const found = ['README.md', 'PRIVACY.md', 'CHANGELOG.md'];
  for (const top of ['lib', 'entrypoints', 'test']) {
    for (const entry of readdirSync(join(root, top), { recursive: true, encoding: 'utf8' })) {
      const path = `${top}/${entry.replace(/\\/g, '/')}`;
      if (path.endsWith('/README.md') && !path.includes('node_modules/')) found.push(path);
    }
  }
  return found;
}

describe('README and the references beside the code', () => {
  for (const { file, section, render } of GENERATED_SECTIONS) {
    it(`${file} carries its current "${section}" section (run \`npm run docs\` when this fails)`, () => {
      const page = read(file);
      expect(page).toBe(withSection(page, section, render(), file));
    });
  }

  it('stays a front door: a few screens, not a manual', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(250);
  });

  it('names every rule slug in the README, and gives every rule a section that links to its code', () => {
    const reference = read('lib/core/rules/README.md');
    for (const rule of RULES) {
      expect(readme).toContain(`\`${rule.slug}\``);
      expect(reference).toContain(`<a id="rule-${rule.slug}"></a>`);
      expect(reference).toContain(`](${rule.slug}.ts)`);
    }
  });

  it('links the README straight to a rule section and to the rule reference', () => {
    expect(readme).toContain('](lib/core/rules/README.md#rule-attribute-namespaced)');
    expect(readme).toContain('](lib/core/rules/README.md)');
  });

  it('lists every built-in profile with its source beside the profiles', () => {
    const page = read('lib/core/profiles/README.md');
    for (const profile of builtinProfiles()) expect(page).toContain(`[\`${profile.id}\`](builtin/${profile.id}.ts)`);
  });

  it('documents every dependency in package.json', () => {
    const pkg = JSON.parse(read('package.json'));
    const deps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies)];
    const table = readme.slice(readme.indexOf('<!-- deps:start -->'), readme.indexOf('<!-- deps:end -->'));
    expect(table.length).toBeGreaterThan(0);
    for (const dep of deps) {
      const documented = table.includes(`\`${dep}\``) || (dep.startsWith('@types/') && table.includes('`@types/*`'));
      expect(documented, `${dep} is not explained in the README's dependency table`).toBe(true);
    }
  });

  it('has no broken relative link in the README or any page beside the code', () => {
    const broken: string[] = [];
    for (const page of pages()) {
      for (const link of relativeLinks(page, read(page))) {
        const target = link.target.split('#')[0]!;
        if (target && PENDING_FILES.has(join(link.page, '..', target).replace(/\\/g, '/'))) continue;
        const reason = brokenReason(root, link);
        if (reason) broken.push(`${page}: (${link.target}) ${reason}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('opens each folder of lib/ and of lib/core with a README saying what it holds and what it may import', () => {
    const folders = (dir: string) =>
      readdirSync(join(root, dir), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => `${dir}/${d.name}`);
    const missing = [...folders('lib'), ...folders('lib/core')].filter((dir) => {
      const page = join(root, dir, 'README.md');
      return !existsSync(page) || !/^May import: /m.test(readFileSync(page, 'utf8'));
    });
    expect(missing).toEqual([]);
  });
});
