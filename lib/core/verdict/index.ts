export { VERDICT_MARK, plural } from './words';
export { finishReport, groupMessageFindings } from './finish';
export { groupFindings, instanceLabel, shortName, listShort } from './group';
export { linkCauses } from './caused-by';
export { findingFix, findingFixSource } from './fix';
export { causeRank, compareCauses, causes, TRUST_RULES } from './rank';
export { causeSentence, firstSentence } from './sentence';
export { flowVerdict, traceVerdict, verdictFor, topCause, type Candidate } from './verdict';
