// The CLI's one doorway into the core, so the command code stays about arguments and output.
import { builtinIds } from '../core/profiles';
import { getRule } from '../core/rules';
import type { RuleLookup } from './rule-doc';

export { analyze } from '../core/analyze';
export { decodeFileBytes, readInput, thousands, tooLargeForText } from '../core/input';
export { fixFor, messageIdp, traceIdp } from '../core/idp';
export { VERDICT_MARK, findingFixSource, firstSentence, instanceLabel, plural } from '../core/verdict';
export { parseFingerprint } from '../core/signature/fingerprint';
export { printableDeep } from '../core/printable';

export const profileIds = (): string[] => builtinIds();

export const ruleDoc: RuleLookup = (slug) => getRule(slug);
export { OUTCOME_LABEL, idpLabel } from '../core/outcome/labels';
