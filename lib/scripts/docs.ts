// `npm run docs`: regenerates the README's rule reference from the rules' metadata.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderRuleReference } from '../core/rules';
import { withSection } from './readme-section';

const path = new URL('../../README.md', import.meta.url);
writeFileSync(path, withSection(readFileSync(path, 'utf8'), 'rules', renderRuleReference()));
console.log('README.md: rule reference regenerated');
