// `npm run docs`: regenerates the README's rule reference and profile table from the rules' and profiles' data.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderRuleReference } from '../core/rules';
import { renderProfileTable } from './profile-table';
import { withSection } from './readme-section';

const path = new URL('../../README.md', import.meta.url);
const withRules = withSection(readFileSync(path, 'utf8'), 'rules', renderRuleReference());
writeFileSync(path, withSection(withRules, 'profiles', renderProfileTable()));
console.log('README.md: rule reference and profile table regenerated');
