import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Indents a decoded message for a ticket report: IdPs send their XML as one long line. Display only: who the
 * user is and whether a signature holds come from the one xmldom parse, never from this tree. Entities are
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

export function prettyXml(xml: string): string {
  if (/<!(DOCTYPE|ENTITY)/i.test(xml) || XMLValidator.validate(xml) !== true) return xml;
  try {
    const tree: unknown = new XMLParser(OPTIONS).parse(xml);
    const out = String(new XMLBuilder({ ...OPTIONS, format: true, indentBy: '  ', suppressEmptyNode: true }).build(tree)).trim();
    return out || xml;
  } catch {
    return xml;
  }
}
