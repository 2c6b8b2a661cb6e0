// The generated parts of the documentation: which page, which marked section, and what renders it. `npm run docs`
// writes them; test/docs checks that none is stale.
import { RULES, renderRuleReference } from '../core/rules';
import { renderProfileTable } from './profile-table';

export interface GeneratedSection {
  /** Page path from the repository root. */
  file: string;
  /** The name in `<!-- NAME:start -->` ... `<!-- NAME:end -->`. */
  section: string;
  render(): string;
}

/** The README's one-paragraph index of rule slugs, so each slug is found from the front door; wrapped at 115. */
function renderRuleSlugs(): string {
  const lines: string[] = [];
  let line = '';
  RULES.forEach((r, i) => {
    const word = `\`${r.slug}\`${i === RULES.length - 1 ? '.' : ','}`;
    if (line && line.length + 1 + word.length > 115) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  });
  return [...lines, line].join('\n');
}

export const GENERATED_SECTIONS: readonly GeneratedSection[] = [
  { file: 'lib/core/rules/README.md', section: 'rules', render: renderRuleReference },
  { file: 'lib/core/profiles/README.md', section: 'profiles', render: renderProfileTable },
  { file: 'README.md', section: 'rule-slugs', render: renderRuleSlugs },
];
