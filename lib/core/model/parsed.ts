import type { SamlView } from './saml';

/**
 * `Document` and `Element` are xmldom's (typed with the DOM lib's interfaces).
 * One namespace-aware parse of a decoded message. Signature checks and identity fields both work on this
 * same `doc`, never on a second parser's reading of the bytes.
 */
export interface ParsedSaml {
  /** The exact text that was parsed. */
  xml: string;
  doc: Document;
  root: Element;
  view: SamlView;
  /** Every element carrying an ID/Id/id attribute, by value (duplicates are refused before this is built). */
  ids: Map<string, Element>;
}
