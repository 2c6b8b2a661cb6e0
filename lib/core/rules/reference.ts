import { RULES } from './registry';
import { builtinProfiles } from '../profiles/registry';
import type { Rule } from './rule';
import { fixFor, type FixEntry } from '../idp/fix-for';

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

/** `[learn.microsoft.com](https://learn.microsoft.com/…)`: the host says whose documentation it is. */
function sourceLinks(urls: readonly string[]): string {
  return urls.map((u) => `[${u.replace(/^https?:\/\/([^/#?]+).*$/, '$1')}](${u})`).join(', ');
}

/** One bullet; several steps become a nested list so Markdown keeps them apart. Per-IdP steps name their source. */
function fixItem(e: FixEntry): string {
  const steps = e.text.split('\n').filter((l) => l.trim());
  const source = e.sources.length ? `Source: ${sourceLinks(e.sources)}.` : '';
  if (steps.length === 1) return `- ${e.name}: ${md(steps[0]!)}${source ? ` ${source}` : ''}`;
  return [`- ${e.name}:`, ...steps.map((l) => `  - ${md(l)}`), ...(source ? [`  - ${source}`] : [])].join('\n');
}

function profileSeverities(slug: string): string {
  const base = RULES.find((r) => r.slug === slug)?.severity;
  const differing = builtinProfiles().filter((p) => p.severities[slug] && p.severities[slug] !== base).map((p) => `${p.id}: ${p.severities[slug]}`);
  return differing.length ? ` (${differing.join(', ')})` : '';
}

/**
 * The Markdown rule reference of lib/core/rules/README.md, generated from the rules' metadata. Links are
 * relative to that page: each rule's code is the file named after its slug (one rule per file).
 */
export function renderRuleReference(): string {
  const out: string[] = [];
  out.push('| Rule | Severity (generic) | Title |', '|---|---|---|');
  for (const r of RULES) out.push(`| [\`${r.slug}\`](#rule-${r.slug}) | ${r.severity}${profileSeverities(r.slug)} | ${cell(md(r.title))} |`);
  for (const r of RULES) {
    out.push('', `### <a id="rule-${r.slug}"></a>\`${r.slug}\`: ${md(r.title)}`, '');
    const origin = r.raisedBy ? ` Raised while ${STAGE_WORDS[r.raisedBy]}.` : '';
    out.push(`Severity: **${r.severity}**${profileSeverities(r.slug)}.${origin} Spec: ${r.spec}. Code: [\`${r.slug}.ts\`](${r.slug}.ts).`, '');
    out.push(md(r.why), '');
    // The order every surface uses when no IdP is recognised: the general fix, then each documented product.
    const fix = fixFor(r.fix, 'unknown');
    out.push('How to fix:', '', ...[fix.first, ...fix.others].map(fixItem));
  }
  return out.join('\n') + '\n';
}
