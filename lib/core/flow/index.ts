export type { Earlier, FlowContext, FlowMessage } from './context';
export { NO_EARLIER } from './context';
export { groupFlows, answeredId } from './group';
export { sentToUrl, sameUrl, sentMatches } from './url';
export { timeReference, type TimeReference } from './time';
