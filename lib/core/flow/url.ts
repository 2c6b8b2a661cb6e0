import { trimXml } from '../xml/nodes';

/** The URL without query or fragment, as the message was sent; undefined when not an http(s) URL (pasted input). */
export function sentToUrl(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}

/**
 * Scheme and host are case-insensitive and a default port is the same as none (RFC 3986 §6.2.2-6.2.3);
 * everything else, including a trailing slash, must match exactly, as SPs compare these strings.
 */
export function sameUrl(a: string, b: string): boolean {
  if (a === b) return true;
  const norm = (s: string): string | undefined => {
    const m = /^(https?):\/\/([^/:?#]+)(?::(\d+))?(.*)$/i.exec(trimXml(s));
    if (!m) return undefined;
    const scheme = m[1]!.toLowerCase();
    const port = m[3] && !((scheme === 'https' && m[3] === '443') || (scheme === 'http' && m[3] === '80')) ? `:${m[3]}` : '';
    return `${scheme}://${m[2]!.toLowerCase()}${port}${m[4] ?? ''}`;
  };
  const na = norm(a);
  return na !== undefined && na === norm(b);
}

/**
 * Whether a Destination or Recipient names the URL a message was sent to. Compared without the query,
 * except when the expected value has a query of its own (an ACS such as `https://sp.example/?so=00D...`),
 * which must then be the start of the query actually sent.
 */
export function sentMatches(value: string, sentTo: string, sentUrl: string | undefined): boolean {
  if (sameUrl(value, sentTo)) return true;
  if (!value.includes('?') || !sentUrl) return false;
  const [path] = value.split('?', 1);
  if (!path || !sameUrl(path, sentTo)) return false;
  const query = value.slice(path.length + 1);
  const sentQuery = sentUrl.slice(sentUrl.indexOf('?') + 1);
  return sentQuery === query || sentQuery.startsWith(`${query}&`);
}
