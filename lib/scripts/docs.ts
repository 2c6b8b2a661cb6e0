// `npm run docs`: regenerates every generated part of the documentation (GENERATED_SECTIONS): the rule
// reference and the profile table beside their code, and the README's index of rule slugs.
import { readFileSync, writeFileSync } from 'node:fs';
import { GENERATED_SECTIONS } from './docs-pages';
import { withSection } from './readme-section';

const root = new URL('../../', import.meta.url);
for (const { file, section, render } of GENERATED_SECTIONS) {
  const path = new URL(file, root);
  const before = readFileSync(path, 'utf8');
  const after = withSection(before, section, render(), file);
  if (after !== before) writeFileSync(path, after);
  console.log(`${file}: ${section} ${after === before ? 'up to date' : 'regenerated'}`);
}
