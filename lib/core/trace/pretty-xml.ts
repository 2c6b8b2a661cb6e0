import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Indents a decoded message for a ticket report: IdPs send their XML as one long line. Display only: who the
 * user is and whether a signature holds come from the one parse (lib/core/xml), never from this tree. Entities are
 * left as written. FXP's parser repairs broken markup, so only a document its strict validator accepts is
 * re-indented; one with a DOCTYPE (refused by the guards) or malformed is shown as it was sent.
 */
const OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  commentPropName: '#comment',
  cdataPropName: '#cdata',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
} as const;

/**
 * A report shows the first few thousand characters of a message, but fast-xml-parser validates, parses and
 * rebuilds all of it (about half a second per MB): a larger message is shown as it was sent.
 */
export const PRETTY_MAX_CHARS = 1024 * 1024;

// Made once: building their options anew for every message of a long report cost as much as a small parse.
let tools: { parser: XMLParser; builder: XMLBuilder } | undefined;

export function prettyXml(xml: string): string {
  if (xml.length > PRETTY_MAX_CHARS || /<!(DOCTYPE|ENTITY)/i.test(xml) || XMLValidator.validate(xml) !== true) return xml;
  try {
    tools ??= { parser: new XMLParser(OPTIONS), builder: new XMLBuilder({ ...OPTIONS, format: true, indentBy: '  ', suppressEmptyNode: true }) };
    const tree: unknown = tools.parser.parse(xml);
    const out = String(tools.builder.build(tree)).trim();
    return out || xml;
  } catch {
    return xml;
  }
}
