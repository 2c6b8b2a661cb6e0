import { RULES } from './registry';
import { PROFILES } from '../profiles/registry';
import type { Rule } from './rule';

const STAGE_WORDS: Record<NonNullable<Rule['raisedBy']>, string> = {
  input: 'reading the input',
  decoder: 'decoding the binding',
  parser: 'parsing the XML',
  verifier: 'verifying signatures',
  engine: 'the analysis itself',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function lines(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

function profileSeverities(slug: string): string {
  const differing = PROFILES.filter((p) => p.severities[slug]).map((p) => `${p.id}: ${p.severities[slug]}`);
  return differing.length ? ` (${differing.join(', ')})` : '';
}

/** The Markdown rule reference embedded in README.md, generated from the rules' metadata. */
export function renderRuleReference(): string {
  const out: string[] = [];
  out.push('| Rule | Severity (generic) | Title |', '|---|---|---|');
  for (const r of RULES) out.push(`| [\`${r.slug}\`](#rule-${r.slug}) | ${r.severity}${profileSeverities(r.slug)} | ${cell(r.title)} |`);
  for (const r of RULES) {
    out.push('', `### <a id="rule-${r.slug}"></a>\`${r.slug}\`: ${r.title}`, '');
    const origin = r.raisedBy ? ` Raised while ${STAGE_WORDS[r.raisedBy]}.` : '';
    out.push(`Severity: **${r.severity}**${profileSeverities(r.slug)}.${origin} Spec: ${r.spec}.`, '');
    out.push(r.why, '');
    out.push('How to fix:', '', `- General:\n${lines(r.fix.general)}`);
    if (r.fix.entra) out.push(`- Entra ID (Azure AD):\n${lines(r.fix.entra)}`);
    if (r.fix.okta) out.push(`- Okta:\n${lines(r.fix.okta)}`);
    if (r.fix.adfs) out.push(`- AD FS:\n${lines(r.fix.adfs)}`);
  }
  return out.join('\n') + '\n';
}
