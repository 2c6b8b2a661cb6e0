// Text-level access to the personal values of a SAML document. Deliberately not a parser: redaction must
// also work on documents the validator refuses (too deep, duplicate attributes, DOCTYPE), and must keep
// every other byte as captured.
import { isCredentialParam } from './credentials';
import { isPasswordAttribute } from '../../password-attribute';

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const REFERENCE = /^&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/;

/** Decodes the five named entities and character references; anything else stays as written. */
export function xmlUnescape(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  // Pieces joined once: a value made of 200,000 `&lt;` must not cost a callback and a string per entity.
  const parts: string[] = [];
  let copied = 0;
  let semi = -1;
  for (; amp >= 0; amp = text.indexOf('&', amp + 1)) {
    if (semi < amp) semi = text.indexOf(';', amp);
    if (semi < 0) break;
    if (semi - amp > 40) continue;
    const m = REFERENCE.exec(text.slice(amp, semi + 1));
    if (!m) continue;
    const ref = m[1] ?? '';
    const ch = ref.startsWith('#x') ? safeCodePoint(parseInt(ref.slice(2), 16)) : ref.startsWith('#') ? safeCodePoint(parseInt(ref.slice(1), 10)) : ENTITIES[ref];
    if (ch === undefined) continue;
    parts.push(text.slice(copied, amp), ch);
    copied = semi + 1;
    amp = semi;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

function safeCodePoint(n: number): string | undefined {
  try {
    return String.fromCodePoint(n);
  } catch {
    return undefined;
  }
}

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The text a reader sees: comments dropped, CDATA unwrapped, child tags dropped, entities decoded. */
export function innerText(inner: string): string {
  // Hand-written scans, not lazy regular expressions: `<!--` or `<` repeated without an end would make
  // those rescan the rest of the text from every occurrence.
  let out = '';
  let plain = '';
  const flush = () => {
    out += xmlUnescape(plain);
    plain = '';
  };
  let i = 0;
  while (i < inner.length) {
    const lt = inner.indexOf('<', i);
    if (lt < 0) {
      plain += inner.slice(i);
      break;
    }
    plain += inner.slice(i, lt);
    if (inner.startsWith('<!--', lt)) {
      const close = inner.indexOf('-->', lt + 4);
      if (close < 0) {
        // An unterminated comment is text, as the regular expression this replaces left it.
        plain += inner.slice(lt);
        break;
      }
      i = close + 3;
    } else if (inner.startsWith('<![CDATA[', lt)) {
      const close = inner.indexOf(']]>', lt + 9);
      if (close < 0) {
        plain += inner.slice(lt);
        break;
      }
      flush();
      out += inner.slice(lt + 9, close);
      i = close + 3;
    } else {
      const gt = inner.indexOf('>', lt + 1);
      if (gt < 0) {
        plain += inner.slice(lt);
        break;
      }
      i = gt + 1;
    }
  }
  flush();
  return out.trim();
}

function attributeOf(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? xmlUnescape(m[1] ?? m[2] ?? '') : undefined;
}

export interface PersonalValue {
  value: string;
  /** `SessionIndex` is the element of a LogoutRequest or the attribute of an AuthnStatement. */
  element: 'NameID' | 'NameIdentifier' | 'AttributeValue' | 'SessionIndex';
  /** Name (or SAML 1.1 AttributeName) of the enclosing Attribute. */
  attributeName?: string;
  friendlyName?: string;
}

/** Replacement for one value; undefined leaves the element as it is. */
export type PersonalVisitor = (found: PersonalValue) => string | undefined;

/**
 * Visits every NameID / NameIdentifier / AttributeValue / SessionIndex with text content (whatever its
 * namespace prefix, so nothing escapes by hiding in an unusual namespace) and every SessionIndex attribute,
 * and replaces the whole content when the visitor says so.
 */
export function rewritePersonal(xml: string, visit: PersonalVisitor): string {
  const withAttributes = rewriteElements(xml, 'Attribute', (inner, attrs) => {
    const attributeName = attributeOf(attrs, 'Name') ?? attributeOf(attrs, 'AttributeName');
    const friendlyName = attributeOf(attrs, 'FriendlyName');
    const rewritten = rewriteElements(inner, 'AttributeValue', (value) => textVisit(value, (v) => visit({ value: v, element: 'AttributeValue', attributeName, friendlyName })));
    return rewritten === inner ? undefined : rewritten;
  });
  // AttributeValue outside an Attribute block (malformed or nested oddly) is still personal data.
  let out = rewriteElements(withAttributes, 'AttributeValue', (inner) => textVisit(inner, (value) => visit({ value, element: 'AttributeValue' })));
  for (const element of ['NameID', 'NameIdentifier', 'SessionIndex'] as const) {
    out = rewriteElements(out, element, (inner) => textVisit(inner, (value) => visit({ value, element })));
  }
  return rewriteAttribute(out, 'SessionIndex', (value) => visit({ value, element: 'SessionIndex' }));
}

/**
 * Elements that hold a secret by their name in any namespace: WS-Security's UsernameToken Password and
 * BinarySecurityToken (a WS-Trust request to AD FS's usernamemixed endpoint or Entra ID's rst2.srf carries the
 * user's password in one), and the like.
 */
const CREDENTIAL_ELEMENTS = ['Password', 'BinarySecurityToken', 'ClientSecret', 'Pin', 'Passcode'] as const;

/**
 * Replaces the text of every credential element, and the values of every Attribute named as a credential (an
 * IdP that releases LDAP's userPassword, or a `pin` or `api_key` claim), when the visitor says so.
 */
export function rewriteCredentials(xml: string, replace: (value: string, element: string) => string | undefined): string {
  let out = xml;
  for (const element of CREDENTIAL_ELEMENTS) out = rewriteElements(out, element, (inner) => textVisit(inner, (value) => replace(value, element)));
  return rewriteElements(out, 'Attribute', (inner, attrs) => {
    const name = [attributeOf(attrs, 'Name'), attributeOf(attrs, 'AttributeName'), attributeOf(attrs, 'FriendlyName')].find(
      (n) => n !== undefined && (isPasswordAttribute(n) || isCredentialParam(n.trim())),
    );
    if (name === undefined) return undefined;
    const rewritten = rewriteElements(inner, 'AttributeValue', (value) => textVisit(value, (v) => replace(v, `Attribute ${name}`)));
    return rewritten === inner ? undefined : rewritten;
  });
}

/** The element's new content (escaped) when the visitor replaces its text. */
function textVisit(inner: string, replace: (value: string) => string | undefined): string | undefined {
  const value = innerText(inner);
  if (value === '') return undefined;
  const next = replace(value);
  return next === undefined ? undefined : xmlEscape(next);
}

interface CloseTag {
  start: number;
  end: number;
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 58) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46 || c === 95;
}

/** `prefix:` of a tag name whose local part is `local`, or undefined for another element. */
function prefixOf(name: string, local: string): string | undefined {
  if (name === local) return '';
  return name.endsWith(`:${local}`) ? name.slice(0, name.length - local.length) : undefined;
}

/** Every `</p:local >`, by prefix, in document order: found in one pass so that an open tag never rescans. */
function closeTags(xml: string, local: string): Map<string, CloseTag[]> {
  const byPrefix = new Map<string, CloseTag[]>();
  for (let i = xml.indexOf('</'); i >= 0; i = xml.indexOf('</', i + 2)) {
    let k = i + 2;
    while (k < xml.length && isNameChar(xml.charCodeAt(k))) k++;
    const prefix = prefixOf(xml.slice(i + 2, k), local);
    if (prefix === undefined) continue;
    while (k < xml.length && /\s/.test(xml[k] ?? '')) k++;
    if (xml[k] !== '>') continue;
    const list = byPrefix.get(prefix) ?? [];
    list.push({ start: i, end: k + 1 });
    byPrefix.set(prefix, list);
  }
  return byPrefix;
}

/**
 * Replaces the content of each `<p:local …>content</p:local>` (the first close tag with the same prefix, as a
 * lazy regular expression would) by what `replace` returns; undefined keeps the element byte for byte.
 * Linear in the document: close tags are found once, and a missing `>` or close tag ends the search.
 */
function rewriteElements(xml: string, local: string, replace: (inner: string, attrs: string) => string | undefined): string {
  if (!xml.includes(local)) return xml;
  const closes = closeTags(xml, local);
  const next = new Map<string, number>();
  let out = '';
  let copied = 0;
  let gt = -1;
  for (let i = xml.indexOf('<'); i >= 0 && i < xml.length; i = xml.indexOf('<', i + 1)) {
    let k = i + 1;
    while (k < xml.length && isNameChar(xml.charCodeAt(k))) k++;
    const prefix = prefixOf(xml.slice(i + 1, k), local);
    if (prefix === undefined) continue;
    const after = xml[k];
    if (after !== '>' && !/\s/.test(after ?? '')) continue;
    if (gt < k) gt = xml.indexOf('>', k);
    if (gt < 0) break;
    const attrs = xml.slice(k, gt);
    if (attrs.endsWith('/')) continue;
    const list = closes.get(prefix) ?? [];
    let c = next.get(prefix) ?? 0;
    while (c < list.length && (list[c]?.start ?? 0) < gt + 1) c++;
    next.set(prefix, c);
    const close = list[c];
    if (!close) continue;
    const inner = xml.slice(gt + 1, close.start);
    const rewritten = replace(inner, attrs);
    if (rewritten !== undefined) {
      out += `${xml.slice(copied, i)}<${prefix}${local}${attrs}>${rewritten}</${prefix}${local}>`;
      copied = close.end;
    }
    i = close.end - 1;
  }
  return copied === 0 ? xml : out + xml.slice(copied);
}

/** Replaces the value of every ` name="…"` (or single-quoted) attribute when `replace` says so. */
function rewriteAttribute(xml: string, name: string, replace: (value: string) => string | undefined): string {
  let out = '';
  let copied = 0;
  for (let i = xml.indexOf(name); i >= 0; i = xml.indexOf(name, i + 1)) {
    if (!/\s/.test(xml[i - 1] ?? '')) continue;
    let k = i + name.length;
    while (/\s/.test(xml[k] ?? '')) k++;
    if (xml[k] !== '=') continue;
    k++;
    while (/\s/.test(xml[k] ?? '')) k++;
    const quote = xml[k];
    if (quote !== '"' && quote !== "'") continue;
    const close = xml.indexOf(quote, k + 1);
    if (close < 0) break;
    const value = xmlUnescape(xml.slice(k + 1, close));
    const next = value === '' ? undefined : replace(value);
    if (next !== undefined) {
      out += `${xml.slice(copied, k + 1)}${xmlEscape(next)}`;
      copied = close;
    }
    i = close;
  }
  return copied === 0 ? xml : out + xml.slice(copied);
}
