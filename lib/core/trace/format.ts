import type { Expectations, Finding, MessageKind, SignatureVerdict, TraceEntry } from '../model';
import type { RedactionProfile } from './redact';

export const TRACE_FORMAT = 'saml-lens-trace';
/** Bump with a migration in migrations.ts; never change the meaning of a published version. */
export const TRACE_VERSION = 1;

/** What one message looked like to the checks at capture time (before any redaction). */
export interface TraceVerdict {
  /** TraceEntry.id */
  entry: string;
  /** Carrying parameter; with `entry` and the order, identifies the message on reload. */
  parameter: string;
  kind?: MessageKind;
  signatures: SignatureVerdict[];
  findings: Finding[];
}

/** Expectations as saved: the SP private key never leaves memory. */
export type SavedSettings = Omit<Expectations, 'spPrivateKeyPem'>;

/** The native trace file, version 1. Schema documented in the README ("Native trace format"). */
export interface TraceFile {
  format: typeof TRACE_FORMAT;
  version: typeof TRACE_VERSION;
  /** ISO 8601. */
  createdAt: string;
  tool: { name: string; version: string };
  settings: SavedSettings;
  /** The raw HTTP exchanges with capture times. */
  entries: TraceEntry[];
  /** Signature verdicts and findings at capture time. Findings are recomputed on load; verdicts of redacted entries are kept. */
  verdicts: TraceVerdict[];
  redaction?: { profile: RedactionProfile; appliedAt: string };
}

export const TOOL = { name: 'SAML Lens', version: '0.1.0' } as const;
