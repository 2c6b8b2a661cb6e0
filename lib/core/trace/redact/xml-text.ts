// Text-level access to the personal values of a SAML document. Deliberately not a parser: redaction must
// also work on documents the validator refuses (too deep, duplicate attributes, DOCTYPE), and must keep
// every other byte as captured.

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function xmlUnescape(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10)) ?? whole;
    return ENTITIES[ref] ?? whole;
  });
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
  const noComments = inner.replace(/<!--[\s\S]*?-->/g, '');
  const parts = noComments.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/);
  return parts
    .map((p) => (p.startsWith('<![CDATA[') ? p.slice(9, -3) : xmlUnescape(p.replace(/<[^>]*>/g, ''))))
    .join('')
    .trim();
}

function attributeOf(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? xmlUnescape(m[1] ?? m[2] ?? '') : undefined;
}

export interface PersonalValue {
  value: string;
  element: 'NameID' | 'NameIdentifier' | 'AttributeValue';
  /** Name (or SAML 1.1 AttributeName) of the enclosing Attribute. */
  attributeName?: string;
  friendlyName?: string;
}

/** Replacement for one value; undefined leaves the element as it is. */
export type PersonalVisitor = (found: PersonalValue) => string | undefined;

const PREFIX = '((?:[A-Za-z_][\\w.-]*:)?)';

/**
 * Visits every NameID / NameIdentifier / AttributeValue with text content (whatever its namespace prefix, so
 * nothing escapes by hiding in an unusual namespace) and replaces its whole content when the visitor says so.
 */
export function rewritePersonal(xml: string, visit: PersonalVisitor): string {
  const attributeBlock = new RegExp(`<${PREFIX}Attribute(\\s[^>]*)?>([\\s\\S]*?)</\\1Attribute\\s*>`, 'g');
  const withAttributes = xml.replace(attributeBlock, (whole, prefix: string, attrs: string | undefined, inner: string) => {
    const attributeName = attributeOf(attrs ?? '', 'Name') ?? attributeOf(attrs ?? '', 'AttributeName');
    const friendlyName = attributeOf(attrs ?? '', 'FriendlyName');
    const rewritten = rewriteElements(inner, 'AttributeValue', (value) =>
      visit({ value, element: 'AttributeValue', attributeName, friendlyName }),
    );
    return rewritten === inner ? whole : `<${prefix}Attribute${attrs ?? ''}>${rewritten}</${prefix}Attribute>`;
  });
  // AttributeValue outside an Attribute block (malformed or nested oddly) is still personal data.
  const strays = rewriteElements(withAttributes, 'AttributeValue', (value) => visit({ value, element: 'AttributeValue' }));
  const nameIds = rewriteElements(strays, 'NameID', (value) => visit({ value, element: 'NameID' }));
  return rewriteElements(nameIds, 'NameIdentifier', (value) => visit({ value, element: 'NameIdentifier' }));
}

function rewriteElements(xml: string, local: string, replace: (value: string) => string | undefined): string {
  const element = new RegExp(`<${PREFIX}${local}(\\s[^>]*)?>([\\s\\S]*?)</\\1${local}\\s*>`, 'g');
  return xml.replace(element, (whole, prefix: string, attrs: string | undefined, inner: string) => {
    const value = innerText(inner);
    if (value === '') return whole;
    const next = replace(value);
    return next === undefined ? whole : `<${prefix}${local}${attrs ?? ''}>${xmlEscape(next)}</${prefix}${local}>`;
  });
}
