export type { Rule, RuleMeta, RuleFix, CheckRule, StageRule, Stage, Hit } from './rule';
export type { RuleContext } from './context';
export { RULES, getRule, isRegistered } from './registry';
export { renderRuleReference } from './reference';
export { runChecks, problemToFinding, severityFor, dedupe } from './engine';
export { buildRuleContext } from './context';
