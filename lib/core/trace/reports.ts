// The ticket reports on their own, so a front end can load them (and their redaction and XML formatting)
// only when a person asks for one.
export { reportMarkdown } from './report-markdown';
export { reportHtml } from './report-html';
