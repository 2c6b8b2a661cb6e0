import { stageCases } from './stage';
import { contentCases } from './content';
import { flowCases } from './flow';
import { outcomeCases } from './outcome';
import type { RuleCase } from './types';

export type { Case, RuleCase } from './types';

/** A firing and a quiet case for every registered rule, keyed by slug. */
export const CASES: Record<string, RuleCase> = { ...stageCases, ...contentCases, ...flowCases, ...outcomeCases };
