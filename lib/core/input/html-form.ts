// An IdP's or SP's auto-posting page saved or pasted as it is (view source): the SAML fields of its form. Such a
// page starts with <!DOCTYPE html>, which read as XML would be refused as a DTD, an attack it is not.
import { SAML_PARAMS } from './fields';

const HTML_START = /^(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html[\s>]|<html[\s>]|<head[\s>]|<body[\s>]|<form[\s>])/i;
const TAG = /<(\/?)(form|input)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
// What a browser never submits (WHATWG HTML, "Parsing HTML documents"): comments, the text of raw-text and
// escapable raw-text elements (a form written inside a script string is not a form), and template contents,
// which are not part of the document. Markup in them would otherwise be read as a form the page posts.
const RAW_TEXT = /^<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript)[\s/>]/i;
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

/** The page with comments, raw text and template contents blanked out, in one pass. */
function liveMarkup(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let at = 0;
  for (let lt = lower.indexOf('<'); lt >= 0; lt = lower.indexOf('<', at)) {
    let end: number;
    if (lower.startsWith('<!--', lt)) {
      const close = lower.indexOf('-->', lt + 4);
      end = close < 0 ? html.length : close + 3;
    } else if (lower.startsWith('<!', lt) || lower.startsWith('<?', lt)) {
      const close = lower.indexOf('>', lt);
      end = close < 0 ? html.length : close + 1;
    } else if (lower.startsWith('<plaintext', lt)) {
      end = html.length;
    } else if (lower.startsWith('<template', lt)) {
      end = templateEnd(lower, lt);
    } else {
      const raw = RAW_TEXT.exec(lower.slice(lt, lt + 12));
      if (!raw) {
        out += html.slice(at, lt + 1);
        at = lt + 1;
        continue;
      }
      const close = lower.indexOf(`</${raw[1]}`, lt + 1);
      const gt = close < 0 ? -1 : lower.indexOf('>', close);
      end = gt < 0 ? html.length : gt + 1;
    }
    out += `${html.slice(at, lt)} `;
    at = end;
  }
  return out + html.slice(at);
}

/** Where the template opened at `from` ends, nested templates counted. */
function templateEnd(lower: string, from: number): number {
  let depth = 0;
  const tags = /<(\/?)template[\s/>]/g;
  tags.lastIndex = from;
  for (let m = tags.exec(lower); m; m = tags.exec(lower)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      const gt = lower.indexOf('>', m.index);
      return gt < 0 ? lower.length : gt + 1;
    }
  }
  return lower.length;
}

/**
 * The SAML or WS-Federation fields of the page's live forms, or undefined when none has one. Only an input
 * inside a form is submitted with it (an input outside any form is not); a form started inside another is
 * ignored, as browsers do. Two live forms with SAML fields are read together, so the binding judges both and
 * says there are two: an auto-posting page that carries two messages is not one to trust.
 */
export function samlFormOf(html: string): HtmlForm | undefined {
  let open: HtmlForm | undefined;
  let found: HtmlForm | undefined;
  for (const m of liveMarkup(html).matchAll(TAG)) {
    const closing = m[1] === '/';
    if (m[2]!.toLowerCase() === 'form') {
      if (closing) open = undefined;
      else open ??= { action: attributesOf(m[3] ?? '').get('action') ?? '', fields: [] };
      continue;
    }
    if (closing || !open) continue;
    const attrs = attributesOf(m[3] ?? '');
    const name = attrs.get('name');
    if (!name || !SAML_PARAMS.has(name)) continue;
    if (!found) found = { action: open.action, fields: [] };
    found.fields.push([name, attrs.get('value') ?? '']);
  }
  return found;
}
