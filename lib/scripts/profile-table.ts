import { readFileSync } from 'node:fs';
import { builtinProfiles } from '../core/profiles';

interface SchemaProperty {
  description?: string;
  type?: string;
  $ref?: string;
  oneOf?: unknown[];
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function kind(p: SchemaProperty): string {
  if (p.type) return p.type;
  if (p.oneOf) return 'string or object';
  if (p.$ref === '#/definitions/strings') return 'array of strings';
  return 'string';
}

/** The fields of a profile file, from the published schema's own descriptions. */
function renderFields(): string {
  const schema = JSON.parse(readFileSync(new URL('../core/profiles/profile.schema.json', import.meta.url), 'utf8')) as {
    definitions: { profile: { required: string[]; properties: Record<string, SchemaProperty> } };
  };
  const { required, properties } = schema.definitions.profile;
  const rows = Object.entries(properties)
    .filter(([name]) => name !== '$schema')
    .map(([name, p]) => `| \`${name}\`${required.includes(name) ? ' (required)' : ''} | ${kind(p)} | ${cell(p.description ?? '')} |`);
  return ['| field | type | meaning |', '|---|---|---|', ...rows].join('\n');
}

/**
 * The profile table of lib/core/profiles/README.md, from each profile's own summary and sources, and the
 * profile-file fields. Links are relative to that page: each built-in profile is builtin/ID.ts.
 */
export function renderProfileTable(): string {
  const rows = builtinProfiles().map((p) => {
    const sources = p.sources.map((s, i) => `[${i + 1}](${s})`).join(' ');
    return `| [\`${p.id}\`](builtin/${p.id}.ts) | ${p.name} | ${cell(p.summary)} | ${sources || 'FIELD-NOTES.md'} |`;
  });
  return [
    '| profile | for | what it checks | source |',
    '|---|---|---|---|',
    ...rows,
    '',
    'Profile file fields (`--profile-file`, Settings import and export; JSON Schema: [`profile.schema.json`](profile.schema.json)):',
    '',
    renderFields(),
  ].join('\n');
}
