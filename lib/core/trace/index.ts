// Traces for support: the native trace format, export to HAR / SAML-tracer, redaction, reports.
export { TRACE_FORMAT, TRACE_VERSION, TOOL, type TraceFile, type TraceVerdict, type SavedSettings } from './format';
export { MIGRATIONS, migrate, type Migration, type MigrationResult } from './migrations';
export { buildTrace, serializeTrace, parseTrace, isTraceDocument, verdictsFromReport, savedSettings, type TraceInput, type ParsedTrace } from './native';
export { toHar, type HarDocument, type HarEntry, type HarOptions, type HarSamlLens } from './har';
export { toSamlTracer, type SamlTracerDocument, type SamlTracerRequest } from './saml-tracer';
export { exportEntries, type ExportFormat, type ExportOptions, type ExportResult } from './export';
export type { ExportNote } from './notes';
export {
  redact,
  REDACTION_PROFILES,
  REDACTED,
  isRedactionProfile,
  type RedactionProfile,
  type RedactionReport,
  type RedactionKind,
  type Redaction,
  type RedactOptions,
  type Replacement,
} from './redact';
export { readSavedSettings, describeSavedSettings, savedSettingsProblem } from './saved-settings';
export { reportMarkdown } from './report-markdown';
export { reportHtml } from './report-html';
export { ticketView, type TicketReportOptions, type TicketView } from './report-view';
