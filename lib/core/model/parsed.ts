import type { SamlView } from './saml';

/**
 * `Document` and `Element` are lib/core/xml/tree.ts's nodes, typed with the DOM lib's interfaces (the part of them
 * those nodes have: what the core reads).
 * One namespace-aware parse of a decoded message. Signature checks and identity fields both work on this
 * same `doc`, never on a second parser's reading of the bytes.
 */
export interface ParsedSaml {
  /** The exact text that was parsed. */
  xml: string;
  doc: Document;
  /**
   * The SAML element judged: the document root, or the message inside a SOAP Body, or the assertion a WS-Trust
   * response carries (`doc.documentElement` is always the real root; paths start there).
   */
  root: Element;
  view: SamlView;
  /** Every element carrying an ID/Id/id attribute (or a SAML 1.x AssertionID), by value (the first one when a value repeats). */
  ids: Map<string, Element>;
  /** ID values carried by more than one element (a signature-wrapping sign, judged by lib/core/signature). */
  duplicateIds: string[];
}
