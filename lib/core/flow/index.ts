export type { FlowContext, FlowMessage } from './context';
export { groupFlows, answeredId } from './group';
export { sentToUrl, sameUrl, sentMatches } from './url';
export { timeReference, type TimeReference } from './time';
