// The CLI's one doorway into the core, so the command code stays about arguments and output.
import type { Finding, Problem } from '../core/model';
import { getProfile, PROFILES } from '../core/profiles';
import { getRule, problemToFinding } from '../core/rules';
import type { RuleLookup } from './rule-doc';

export { analyze } from '../core/analyze';
export { readInput } from '../core/input';

export const profileIds = (): string[] => PROFILES.map((p) => p.id);

export function findingFromProblem(problem: Problem, profileId = 'generic'): Finding {
  return problemToFinding(problem, getProfile(profileId) ?? getProfile('generic')!);
}

export const ruleDoc: RuleLookup = (slug) => getRule(slug);
