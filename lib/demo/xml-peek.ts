import { inflateRawSync } from 'node:zlib';

/** HTTP-Redirect value to XML (the demo trusts its own peer; real validation is SAML Lens's job). */
export function inflateRedirectValue(value: string): string {
  return inflateRawSync(Buffer.from(value, 'base64')).toString('utf8');
}

export function decodePostValue(value: string): string {
  return Buffer.from(value, 'base64').toString('utf8');
}

/** First value of an attribute on the root element, enough for the demo peers to route a message. */
export function rootAttribute(xml: string, name: string): string | undefined {
  const root = /<(?:\w+:)?\w+\b[^>]*>/.exec(xml.replace(/<\?xml[^>]*\?>/, ''))?.[0] ?? '';
  return new RegExp(`\\s${name}="([^"]*)"`).exec(root)?.[1];
}

/** Text of the first element with this local name. */
export function elementText(xml: string, localName: string): string | undefined {
  const text = new RegExp(`<(?:\\w+:)?${localName}\\b[^>]*>([^<]*)</`).exec(xml)?.[1];
  return text === undefined ? undefined : unescapeXml(text);
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[e]) return named[e];
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

export function attributeValue(xml: string, localName: string, attr: string): string | undefined {
  const el = new RegExp(`<(?:\\w+:)?${localName}\\b[^>]*>`).exec(xml)?.[0];
  return el ? new RegExp(`\\s${attr}="([^"]*)"`).exec(el)?.[1] : undefined;
}
