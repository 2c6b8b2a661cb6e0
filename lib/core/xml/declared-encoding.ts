import type { Problem } from '../model';

/*
 * SAML Lens reads every message as UTF-8 text. A parser that follows the XML declaration instead (libxml2, and
 * so xmlsec1 and the SPs built on it) reads other characters from the same bytes when the declaration names
 * another encoding: in UTF-7 even markup SAML Lens sees as a comment, so an assertion hidden from one reader is
 * read by the other. Single-byte encodings whose first 128 characters are ASCII read an all-ASCII message
 * alike, so those are only refused when the message holds other characters.
 */

const ENCODING = /\sencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const UTF8 = /^utf-?8$/i;
const ASCII_SUPERSETS = /^(?:us-ascii|ascii|iso[-_]?8859-(?:[1-9]|1[0-6])|latin-?[1-9]|windows-125[0-8]|cp125[0-8])$/i;
// Any character outside ASCII is what makes single-byte readings differ.
// eslint-disable-next-line no-control-regex
const ALL_ASCII = /^[\u0000-\u007f]*$/;

/** A refusal when `declaration` (the text of `<?xml ... ?>`) names an encoding other readers would read differently. */
export function declaredEncodingProblem(declaration: string, xml: string): Problem | undefined {
  const m = ENCODING.exec(declaration);
  if (!m) return undefined;
  const name = (m[1] ?? m[2] ?? '').trim();
  if (UTF8.test(name) || (ASCII_SUPERSETS.test(name) && ALL_ASCII.test(xml))) return undefined;
  const utf7 = /^(?:utf-?7|unicode-1-1-utf-7|csunicode11utf7)$/i.test(name) ? ' (in UTF-7 even markup that reads here as a comment)' : '';
  return {
    rule: 'xml-refused',
    message: `refused to parse: the XML declaration names encoding "${name}", but the message is UTF-8; a parser that follows the declaration (libxml2, so xmlsec1 and the SPs built on it) reads other characters from the same bytes${utf7} or refuses them, so what it checks is not what would be shown here`,
  };
}
