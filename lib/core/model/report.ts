import type { Finding } from './finding';
import type { Binding, DecodeStep, ArtifactInfo } from './message';
import type { MessageKind, SamlView } from './saml';
import type { SignatureVerdict } from './signature';
import type { EntrySource } from './trace';
import type { FlowOutcome, IdpRecognition } from '../idp/product';

/** The judged form of one message: what the CLI prints as JSON and the panel shows. */
export interface MessageReport {
  index: number;
  source: EntrySource;
  /** TraceEntry.id */
  entry: string;
  kind: MessageKind;
  binding: Binding;
  /** Carrying parameter: SAMLRequest, SAMLResponse, SAMLart, wresult, body, pasted. */
  parameter: string;
  /**
   * Path of the judged message when it is not the root of the decoded XML: the message in a SOAP Body or the
   * token of a WS-Trust response. A document carrying several gives one report per message, told apart by this.
   */
  path?: string;
  method: string;
  url: string;
  capturedAt?: string;
  /** Flow id: messages of one exchange (AuthnRequest, its Response; LogoutRequest, its LogoutResponse). */
  flow: string;
  direction: 'to-idp' | 'to-sp' | 'unknown';
  id?: string;
  inResponseTo?: string;
  issuer?: string;
  destination?: string;
  status?: { code?: string; subCodes: string[]; message?: string; explanation?: string };
  nameId?: { value: string; format?: string };
  attributes: Array<{ name: string; nameFormat?: string; values: string[] }>;
  signatures: SignatureVerdict[];
  findings: Finding[];
  relayState?: string;
  artifact?: ArtifactInfo;
  steps: DecodeStep[];
  /** Decoded XML (byte-exact). Omitted from CLI JSON unless asked for. */
  xml?: string;
  /** Typed view for UIs. Omitted from CLI JSON. */
  view?: SamlView;
  /** The IdP product this message came from or went to (issue 8). */
  idp?: IdpRecognition;
}

/**
 * The answer for a flow or a whole trace (issue 9): the highest-ranked root cause in one sentence, with its
 * fix for the recognised IdP (or the general fix). Shown before any finding in every output.
 */
export interface Verdict {
  /** 'ok': nothing to fix; 'warning': it works, with something to fix; 'error': it fails or must not be trusted. */
  level: 'ok' | 'warning' | 'error';
  /** One sentence: the cause and, when there is one, the fix. */
  text: string;
  /** Slug of the rule behind the cause. */
  rule?: string;
  /** The cause alone, without the level's prefix or the fix (e.g. `3 required claims are namespaced (…)`). */
  cause?: string;
  /** The fix alone (for the recognised IdP when known), so a UI can show it on its own line. */
  fix?: string;
  /** Which IdP's steps `fix` gives: a product id, or `general`. */
  fixFor?: string;
  /** Trace verdict of several flows: how many there are, how many failed (error) and how many have a warning. */
  flows?: { total: number; failed: number; warned: number };
}

export interface FlowReport {
  id: string;
  /** Indexes into Report.messages, in capture order. */
  messages: number[];
  kind: 'sp-initiated' | 'idp-initiated' | 'logout' | 'artifact' | 'other';
  worst?: Finding['severity'];
  /** The IdP product of the flow (issue 8). */
  idp?: IdpRecognition;
  /** How the flow ended (issue 8). */
  outcome?: FlowOutcome;
  /** The answer for this flow (issue 9). */
  verdict?: Verdict;
}

export interface Report {
  schemaVersion: 1;
  messages: MessageReport[];
  /** Trace-level findings (not about one message). */
  findings: Finding[];
  flows: FlowReport[];
  summary: {
    entries: number;
    messages: number;
    flows: number;
    errors: number;
    warnings: number;
    infos: number;
    profile: string;
    /** How times were judged: 'capture', 'now' or an ISO instant. */
    at: string;
    /** The answer for the whole trace (issue 9). */
    verdict?: Verdict;
  };
}
