import type { ExtractedMessage, FlowReport, MessageReport, SamlView, TraceEntry } from '../model';

/** One decoded message as the flow grouping sees it. */
export interface FlowMessage {
  /** Index in capture order (Report.messages). */
  index: number;
  entry: TraceEntry;
  message: ExtractedMessage;
  /** Absent when the message could not be parsed. */
  view?: SamlView;
}

/** What the rules know about the exchange a message belongs to. */
export interface FlowContext {
  id: string;
  kind: FlowReport['kind'];
  direction: MessageReport['direction'];
  /** The captured request this message answers (AuthnRequest for a Response, LogoutRequest for a LogoutResponse). */
  request?: FlowMessage;
  /** Requests captured before this message, by kind: what InResponseTo can be compared with. */
  earlier: { authnRequests: Earlier; logoutRequests: Earlier };
  /** Every entity ID seen as an Issuer in the trace, plus the configured ones. */
  entityIds: string[];
  /** scheme://host/path the message was actually sent to (no query), when it was captured over HTTP(S). */
  sentTo?: string;
  /** The full URL it was sent to, query included (some ACS URLs carry one, e.g. `?so=<org id>`). */
  sentUrl?: string;
  /**
   * Index of an earlier capture of the same message (same ID): IdPs such as AD FS and Okta carry the
   * AuthnRequest along again after the login form, minutes after it was issued.
   */
  repeatOf?: number;
}

/**
 * The requests of one kind captured before a message: a prefix of one list the whole trace shares, since a
 * copy per message would cost time and memory quadratic in the number of messages.
 */
export interface Earlier {
  /** How many were captured before the message. */
  count: number;
  /** How many of those carry an ID. */
  idCount: number;
  /** The IDs of the first `max` that carry one, in capture order. */
  firstIds(max: number): string[];
}

/** For a message judged outside any flow. */
export const NO_EARLIER: Earlier = Object.freeze({ count: 0, idCount: 0, firstIds: () => [] });
