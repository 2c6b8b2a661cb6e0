import { ALIASES } from './names';

const squash = (s: string) => s.trim().toLowerCase().replace(/[\s._-]+/g, '');

function lastPart(name: string): string {
  const n = name.trim();
  if (/^urn:/i.test(n)) return n;
  return n.replace(/[/#]+$/, '').split(/[/#]/).pop() ?? n;
}

/**
 * The names IdPs send a well-known attribute under (ALIASES), for a name or friendly name a profile or SP
 * metadata gives: `mail`, `User.Email` or `urn:oid:0.9.2342.19200300.100.1.3` all get the e-mail spellings.
 */
export function knownAliases(...names: Array<string | undefined>): string[] {
  const wanted = new Set(names.filter((n): n is string => !!n).flatMap((n) => [squash(n), squash(lastPart(n))]));
  const out = new Set<string>();
  for (const [key, list] of Object.entries(ALIASES)) {
    if ([key, ...list].some((a) => wanted.has(squash(a)))) [key.toLowerCase(), ...list].forEach((a) => out.add(a));
  }
  return [...out];
}
