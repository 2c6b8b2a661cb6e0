import type { HttpHeader, TraceEntry } from '../../model';
import { formDecode, formEncode, joinPairs, joinUrl, parsePairs, splitUrl, type RawPair } from '../query';
import { decodeSamlValue, encodeSamlValue, type DecodedSaml } from '../saml-codec';
import { isCredentialHeader, isCredentialParam, isSecretField } from './credentials';
import type { Redactor } from './redactor';

/** Compared without case: a message sent as `samlrequest` is still decoded by the analysis, so it is redacted as one. */
const SAML_PARAMS = new Set(['samlrequest', 'samlresponse']);

function isSamlParam(name: string): boolean {
  return SAML_PARAMS.has(name.toLowerCase());
}
/** Headers whose value is a URL that may carry a whole SAML message (a redirect's target, the page it came from). */
const URL_HEADERS = new Set(['location', 'referer', 'content-location', 'refresh']);

/** Walks one entry; the same code serves the collect and the apply pass of the Redactor. */
export class EntryWalker {
  /** Both passes decode the same SAML values; a large message is decoded once. */
  private readonly decoded = { deflated: new Map<string, DecodedSaml | undefined>(), plain: new Map<string, DecodedSaml | undefined>() };

  constructor(private readonly r: Redactor) {}

  private decode(value: string, deflated: boolean): DecodedSaml | undefined {
    const cache = deflated ? this.decoded.deflated : this.decoded.plain;
    if (cache.has(value)) return cache.get(value);
    const out = decodeSamlValue(value, deflated);
    cache.set(value, out);
    return out;
  }

  entry(e: TraceEntry): TraceEntry {
    this.r.entry = e.id;
    const out: TraceEntry = {
      ...e,
      url: this.url(e.url, 'URL'),
      requestHeaders: this.headers(e.requestHeaders, 'request'),
      responseHeaders: this.headers(e.responseHeaders, 'response'),
    };
    if (e.formFields) out.formFields = this.form(e.formFields, 'form');
    if (e.body !== undefined) out.body = this.body(e.body, contentType(e.requestHeaders));
    if (e.redirectUrl !== undefined) out.redirectUrl = this.url(e.redirectUrl, 'redirect URL');
    if (e.savedXml !== undefined) out.savedXml = this.r.xml(e.savedXml, 'saved SAML XML');
    if (e.responseStatusText !== undefined) out.responseStatusText = this.r.sweep(e.responseStatusText, 'status text');
    if (e.responseBody) out.responseBody = { ...e.responseBody, text: this.responseBody(e.responseBody.text, e.responseBody.mimeType) };
    this.r.entry = undefined;
    return out;
  }

  url(url: string, where: string): string {
    const parts = splitUrl(url);
    const base = this.userInfo(parts.base, where);
    const query = parts.query === undefined ? undefined : this.pairs(parts.query, `${where} query`, true);
    // OAuth implicit flows put tokens in the fragment, in query syntax.
    const fragment = parts.fragment === undefined ? undefined : this.pairs(parts.fragment, `${where} fragment`, false);
    return joinUrl({ base: this.r.sweep(base, `${where} path`), query, fragment });
  }

  private userInfo(base: string, where: string): string {
    const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/@]*)@/i.exec(base);
    if (!m) return base;
    const [user, pass] = (m[2] ?? '').split(':');
    const kept = pass === undefined ? (m[2] ?? '') : `${user}:${this.r.credential(pass, 'credential', `${where} password`)}`;
    return `${m[1]}${kept}@${base.slice(m[0].length)}`;
  }

  private pairs(query: string, where: string, deflated: boolean): string {
    const raw = parsePairs(query);
    const saml = raw.some((p) => isSamlParam(formDecode(p.rawName)));
    const pairs = raw.map((p): RawPair => {
      if (p.rawValue === undefined) return p;
      const name = formDecode(p.rawName);
      const value = formDecode(p.rawValue);
      const next = this.field(name, value, `${where} ${name}`, deflated, saml);
      // Untouched values keep their exact octets (a Redirect signature covers them).
      return next === value ? p : { rawName: p.rawName, rawValue: formEncode(next) };
    });
    return joinPairs(pairs);
  }

  form(fields: Array<[string, string]>, where: string): Array<[string, string]> {
    return fields.map(([name, value]): [string, string] => [name, this.field(name, value, `${where} ${name}`, false)]);
  }

  /** `saml`: the query or form also carries a SAML message, so its `Signature` is the binding's, not a credential. */
  private field(name: string, value: string, where: string, deflated: boolean, saml = false): string {
    if (isSamlParam(name)) return this.samlValue(value, where, deflated);
    if (name.toLowerCase() === 'wresult') return this.r.xml(value, `${where} (XML)`);
    if (isCredentialParam(name, saml)) return this.r.credential(value, 'secret', where);
    // Anything else may be a URL (a RelayState, a return address) carrying its own tokens: the sweep finds them.
    return this.r.sweep(value, where);
  }

  private samlValue(value: string, where: string, deflated: boolean): string {
    const decoded = this.decode(value, deflated);
    if (!decoded) return this.r.undecodable(this.r.sweep(value, where), `${where} (not decodable)`);
    const xml = this.r.xml(decoded.xml, `${where} (decoded XML)`);
    return xml === decoded.xml ? value : encodeSamlValue(xml, decoded.encoding);
  }

  headers(headers: HttpHeader[], side: 'request' | 'response'): HttpHeader[] {
    return headers.map((h) => ({ name: h.name, value: this.header(h.name, h.value, `${side} header ${h.name}`) }));
  }

  private header(name: string, value: string, where: string): string {
    const n = name.toLowerCase();
    if (n === 'cookie') return this.cookie(value, where);
    if (n === 'set-cookie') return value.split('\n').map((line) => this.setCookie(line, where)).join('\n');
    if (isCredentialHeader(n)) {
      // Keep the scheme ("Bearer", "Basic", "SAML"): it tells the reader what kind of credential was sent.
      const m = /^([A-Za-z][\w-]*)\s+(\S[\s\S]*)$/.exec(value);
      return m ? `${m[1]} ${this.r.credential(m[2] ?? '', 'credential', where)}` : this.r.credential(value, 'credential', where);
    }
    if (URL_HEADERS.has(n)) {
      const m = /^(\d+\s*;\s*url=)(.*)$/i.exec(value);
      return m ? `${m[1]}${this.url(m[2] ?? '', where)}` : this.url(value, where);
    }
    return this.r.sweep(value, where);
  }

  private cookie(value: string, where: string): string {
    return value
      .split(';')
      .map((part) => {
        const eq = part.indexOf('=');
        if (eq < 0) return part;
        return `${part.slice(0, eq + 1)}${this.r.credential(part.slice(eq + 1).trim(), 'cookie', where)}`;
      })
      .join(';');
  }

  private setCookie(line: string, where: string): string {
    const semi = line.indexOf(';');
    const pair = semi < 0 ? line : line.slice(0, semi);
    const rest = semi < 0 ? '' : line.slice(semi);
    const eq = pair.indexOf('=');
    if (eq < 0) return line;
    return `${pair.slice(0, eq + 1)}${this.r.credential(pair.slice(eq + 1).trim(), 'cookie', where)}${this.r.sweep(rest, where)}`;
  }

  body(body: string, type: string | undefined): string {
    const t = (type ?? '').toLowerCase();
    const trimmed = body.trimStart();
    if (t.includes('x-www-form-urlencoded') || (!t && /^[\w.%-]+=[^<{]*$/.test(trimmed))) return this.pairs(body, 'body', false);
    if (t.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[')) return this.json(body);
    if (trimmed.startsWith('<')) return this.r.xml(body, 'body (XML)');
    return this.r.sweep(body, 'body');
  }

  /**
   * A captured page: the fields of its forms are judged like posted fields (an IdP's auto-post page carries the
   * whole SAMLResponse, a sign-in page its tokens), then the text is swept. JSON answers like JSON bodies.
   */
  responseBody(text: string, mimeType: string | undefined): string {
    const type = (mimeType ?? '').toLowerCase();
    const trimmed = text.trimStart();
    if (type.includes('json') || (!type.includes('html') && (trimmed.startsWith('{') || trimmed.startsWith('[')))) return this.json(text);
    const fields = text.replace(INPUT_TAG, (tag) => this.inputTag(tag));
    return this.r.sweep(fields, 'response body');
  }

  private inputTag(tag: string): string {
    const name = attributeOf(tag, 'name');
    const value = attributeOf(tag, 'value');
    if (!name || !value) return tag;
    const decoded = htmlDecode(value.text);
    const next = this.field(htmlDecode(name.text), decoded, `response body field ${htmlDecode(name.text)}`, false);
    return next === decoded ? tag : `${tag.slice(0, value.start)}${htmlEscape(next)}${tag.slice(value.end)}`;
  }

  private json(body: string): string {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return this.r.sweep(body, 'body');
    }
    // Learn the secrets by key, then sweep the text as written so its formatting survives.
    const visit = (value: unknown, key: string | undefined): void => {
      if (typeof value === 'string' && key !== undefined && isSecretField(key)) this.r.credential(value, 'secret', `body ${key}`);
      else if (Array.isArray(value)) value.forEach((v) => visit(v, key));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
    };
    if (this.r.mode === 'collect') visit(parsed, undefined);
    return this.r.sweep(body, 'body');
  }
}

function contentType(headers: HttpHeader[]): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
}

// One <input> tag at a time (a SAMLResponse value is tens of kilobytes). A tag cannot contain < or >, so each
// attempt ends at the next one and the whole page costs linear time.
const INPUT_TAG = /<input\b[^<>]*>/gi;

/** The value of an attribute of one tag, with where it sits (quotes excluded) so it can be replaced in place. */
function attributeOf(tag: string, attr: string): { text: string; start: number; end: number } | undefined {
  const m = new RegExp(`\\s${attr}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  if (!m) return undefined;
  const text = m[1] ?? m[2] ?? m[3] ?? '';
  const end = m.index + m[0].length - (m[3] !== undefined ? 0 : 1);
  return { text, start: end - text.length, end };
}

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'", '#43': '+', '#x2B': '+', '#61': '=', '#x3D': '=' };

function htmlDecode(text: string): string {
  return text.replace(/&(#x?[0-9a-f]{1,6}|[a-z]{2,6});/gi, (m, e: string) => HTML_ENTITIES[e] ?? HTML_ENTITIES[e.toLowerCase()] ?? m);
}

function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
