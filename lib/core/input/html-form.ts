// An IdP's or SP's auto-posting page saved or pasted as it is (view source): the SAML fields of its form. Such a
// page starts with <!DOCTYPE html>, which read as XML would be refused as a DTD, an attack it is not.
import { SAML_PARAMS } from './fields';

const HTML_START = /^(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html[\s>]|<html[\s>]|<head[\s>]|<body[\s>]|<form[\s>])/i;
const TAG = /<(form|input)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export const looksLikeHtml = (text: string): boolean => HTML_START.test(text);

/**
 * Character references in an attribute value (a page may write `+` and `=` of base64 as `&#x2b;` and `&#x3d;`):
 * numeric ones and the few named ones such pages use; anything else is left as written.
 */
function decodeReferences(value: string): string {
  return value.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function attributesOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, decodeReferences(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

export interface HtmlForm {
  /** The form's action, as the page wrote it (references decoded); '' when it has none. */
  action: string;
  fields: Array<[string, string]>;
}

/** The first form of the page carrying a SAML or WS-Federation field, or undefined when none does. */
export function samlFormOf(html: string): HtmlForm | undefined {
  let current: HtmlForm | undefined;
  for (const m of html.matchAll(TAG)) {
    const attrs = attributesOf(m[2] ?? '');
    if (m[1]!.toLowerCase() === 'form') {
      if (current?.fields.length) return current;
      current = { action: attrs.get('action') ?? '', fields: [] };
      continue;
    }
    const name = attrs.get('name');
    if (name && SAML_PARAMS.has(name)) (current ??= { action: '', fields: [] }).fields.push([name, attrs.get('value') ?? '']);
  }
  return current?.fields.length ? current : undefined;
}
