import { RULES } from './registry';
import { PROFILES } from '../profiles/registry';
import type { Rule } from './rule';

const STAGE_WORDS: Record<NonNullable<Rule['raisedBy']>, string> = {
  input: 'reading the input',
  decoder: 'decoding the binding',
  parser: 'parsing the XML',
  verifier: 'verifying signatures',
  engine: 'the analysis itself',
  flow: 'reading the HTTP answers around the flow',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Markdown-safe text: `code spans` stay as they are; `<placeholders>` elsewhere would be read as HTML. */
function md(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') ? part : part.replace(/</g, '&lt;')))
    .join('');
}

/** One bullet; several steps become a nested list so Markdown keeps them apart. */
function fixItem(label: string, text: string): string {
  const steps = text.split('\n').filter((l) => l.trim());
  if (steps.length === 1) return `- ${label}: ${md(steps[0]!)}`;
  return [`- ${label}:`, ...steps.map((l) => `  - ${md(l)}`)].join('\n');
}

function profileSeverities(slug: string): string {
  const base = RULES.find((r) => r.slug === slug)?.severity;
  const differing = PROFILES.filter((p) => p.severities[slug] && p.severities[slug] !== base).map((p) => `${p.id}: ${p.severities[slug]}`);
  return differing.length ? ` (${differing.join(', ')})` : '';
}

/** The Markdown rule reference embedded in README.md, generated from the rules' metadata. */
export function renderRuleReference(): string {
  const out: string[] = [];
  out.push('| Rule | Severity (generic) | Title |', '|---|---|---|');
  for (const r of RULES) out.push(`| [\`${r.slug}\`](#rule-${r.slug}) | ${r.severity}${profileSeverities(r.slug)} | ${cell(md(r.title))} |`);
  for (const r of RULES) {
    out.push('', `### <a id="rule-${r.slug}"></a>\`${r.slug}\`: ${md(r.title)}`, '');
    const origin = r.raisedBy ? ` Raised while ${STAGE_WORDS[r.raisedBy]}.` : '';
    out.push(`Severity: **${r.severity}**${profileSeverities(r.slug)}.${origin} Spec: ${r.spec}.`, '');
    out.push(md(r.why), '');
    out.push('How to fix:', '', fixItem('General', r.fix.general));
    if (r.fix.entra) out.push(fixItem('Entra ID (Azure AD)', r.fix.entra));
    if (r.fix.okta) out.push(fixItem('Okta', r.fix.okta));
    if (r.fix.adfs) out.push(fixItem('AD FS', r.fix.adfs));
  }
  return out.join('\n') + '\n';
}
