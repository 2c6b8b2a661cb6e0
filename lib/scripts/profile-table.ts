import { PROFILES } from '../core/profiles';

/** The README's profile table, from each profile's own summary. */
export function renderProfileTable(): string {
  const rows = PROFILES.map((p) => `| \`${p.id}\` | ${p.name} | ${p.summary.replace(/\|/g, '\\|')} |`);
  return ['| profile | for | what it checks |', '|---|---|---|', ...rows].join('\n');
}
