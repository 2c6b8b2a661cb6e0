import type { HttpHeader, TraceEntry } from '../../model';
import { formDecode, formEncode, joinUrl, splitUrl } from '../query';
import { decodeSamlValue, encodeSamlValue, type DecodedSaml } from '../saml-codec';
import { isCredentialHeader, isCredentialParam, isSecretField, looksLikeToken } from './credentials';
import { isNameAttribute, REDACTED } from './profiles';
import type { Redactor } from './redactor';

/** Compared without case: a message sent as `samlrequest` is still decoded by the analysis, so it is redacted as one. */
const SAML_PARAMS = new Set(['samlrequest', 'samlresponse']);

function isSamlParam(name: string): boolean {
  return SAML_PARAMS.has(name.toLowerCase());
}
/**
 * Headers whose value is a URL that may carry a whole SAML message (a redirect's target, the page it came from,
 * HTTP/2's :path, a proxy's record of the original URL).
 */
const URL_HEADERS = new Set(['location', 'referer', 'content-location', 'refresh', ':path', 'x-original-url', 'x-rewrite-url', 'x-forwarded-uri']);
// A SAML message in a URL written anywhere else (a sign-out link or a meta refresh in a page, a header of any
// name): its value is decoded, redacted and encoded again like the URL's own. `&amp;` as an HTML page writes it.
const SAML_IN_TEXT = /([?&#]|&amp;)(SAMLRequest|SAMLResponse)=([^&\s"'<>#]+)/gi;

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
    // Parts as strings, not one object each: a query of millions of empty parts (`&&&…`) stays cheap.
    const parts = query.split('&');
    const nameOf = (part: string) => {
      const eq = part.indexOf('=');
      return eq < 0 ? part : part.slice(0, eq);
    };
    const saml = parts.some((part) => part !== '' && isSamlParam(formDecode(nameOf(part))));
    return parts
      .map((part): string => {
        if (part === '') return part;
        const eq = part.indexOf('=');
        if (eq < 0) {
          // A part without "=" (`?eyJ…`, a hash route `#/reset/<token>`) is a value too.
          const bare = formDecode(part);
          const swept = isBareToken(bare) ? this.r.credential(bare, 'credential', where) : this.r.sweep(bare, where);
          return swept === bare ? part : formEncode(swept);
        }
        const rawName = part.slice(0, eq);
        const name = formDecode(rawName);
        const value = formDecode(part.slice(eq + 1));
        const next = this.field(name, value, `${where} ${name}`, deflated, saml);
        // Untouched values keep their exact octets (a Redirect signature covers them).
        return next === value ? part : `${rawName}=${formEncode(next)}`;
      })
      .join('&');
  }

  form(fields: Array<[string, string]>, where: string): Array<[string, string]> {
    return fields.map(([name, value]): [string, string] => [name, this.field(name, value, `${where} ${name}`, false)]);
  }

  /** `saml`: the query or form also carries a SAML message, so its `Signature` is the binding's, not a credential. */
  private field(name: string, value: string, where: string, deflated: boolean, saml = false): string {
    if (isSamlParam(name)) return this.samlValue(value, where, deflated);
    if (name.toLowerCase() === 'wresult') return this.r.xml(value, `${where} (XML)`);
    if (isCredentialParam(name, saml)) return this.r.credential(value, 'secret', where);
    // The name typed into a sign-in form (Entra ID's login and loginfmt, Okta's identifier, AD FS's UserName):
    // personal under `share`, whatever its shape, and the same pseudonym as that user's NameID.
    if (USER_FIELD.test(name) && value.trim()) return this.r.personal(value, 'nameid', where);
    // A value that is a random token as a whole (a state, a RelayState handle, a session in a form): a bearer
    // value whatever its name. Not the binding's own Signature, nor a SAML artifact (single-use, resolved within
    // seconds, and its SourceID names the IdP): they are SAML content, which stays readable.
    if (!(saml && /^(?:Signature|SigAlg)$/.test(name)) && name !== 'SAMLart' && isBareToken(value)) return this.r.credential(value, 'credential', where);
    // Anything else may be a URL (a RelayState, a return address) carrying its own tokens: the sweep finds them
    // by name and shape, and a parameter of it whose whole value is a random token goes too.
    // A URL in it may carry a SAML message of its own (a RelayState naming another IdP's sign-in URL).
    return this.r.sweep(this.tokensInQuery(this.samlInText(value, where), where), where);
  }

  private tokensInQuery(text: string, where: string): string {
    if (text.length < QUERY_VALUE_MIN) return text;
    return text.replace(QUERY_VALUE, (whole, head: string, value: string) => {
      // A nested Redirect URL's own Signature, message or artifact is SAML content, not a bearer token.
      const name = head.replace(/^(?:[?&]|%3[Ff]|%26)/, '').replace(/(?:=|%3[Dd])$/, '');
      if (SAML_CONTENT.test(name) || !isBareToken(value)) return whole;
      const next = this.r.credential(value, 'credential', where);
      return next === value ? whole : `${head}${next}`;
    });
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
    // Cookie2 and Set-Cookie2: RFC 2965's names for the same thing, still sent by a few old servers.
    if (n === 'cookie' || n === 'cookie2') return this.cookie(value, where);
    if (n === 'set-cookie' || n === 'set-cookie2') {
      // One header line per cookie, or several folded into one line with commas (RFC 9110 §5.3; RFC 6265 §3
      // says not to, and some proxies do): a comma starts a new cookie where `name=` follows it, never inside
      // an Expires date ("Wed, 21 Oct 2026").
      return value
        .split('\n')
        .map((line) => line.split(FOLDED_COOKIE).map((part, i) => (i % 2 === 1 ? part : this.setCookie(part, where))).join(''))
        .join('\n');
    }
    if (isCredentialHeader(n)) {
      // Keep the scheme ("Bearer", "Basic", "SAML"): it tells the reader what kind of credential was sent.
      const m = /^([A-Za-z][\w-]*)\s+(\S[\s\S]*)$/.exec(value);
      return m ? `${m[1]} ${this.r.credential(m[2] ?? '', 'credential', where)}` : this.r.credential(value, 'credential', where);
    }
    if (URL_HEADERS.has(n)) {
      const m = /^(\d+\s*;\s*url=)(.*)$/i.exec(value);
      return m ? `${m[1]}${this.url(m[2] ?? '', where)}` : this.url(value, where);
    }
    if (isBareToken(value)) return this.r.credential(value, 'credential', where);
    return this.r.sweep(this.samlInText(value, where), where);
  }

  /** Every SAML message a URL inside `text` carries, redacted in place (Redirect binding: deflated). */
  private samlInText(text: string, where: string): string {
    if (!/SAML(?:Request|Response)=/i.test(text)) return text;
    return text.replace(SAML_IN_TEXT, (whole, sep: string, name: string, raw: string) => {
      const value = formDecode(raw);
      const next = this.samlValue(value, `${where} ${name}`, true);
      return next === value ? whole : `${sep}${name}=${formEncode(next)}`;
    });
  }

  private cookie(value: string, where: string): string {
    return value
      .split(';')
      .map((part) => {
        const eq = part.indexOf('=');
        // A cookie without a name (document.cookie = "value") is all value.
        if (eq < 0) return part.trim() ? part.replace(part.trim(), this.r.credential(part.trim(), 'cookie', where)) : part;
        return `${part.slice(0, eq + 1)}${this.r.credential(part.slice(eq + 1).trim(), 'cookie', where)}`;
      })
      .join(';');
  }

  private setCookie(line: string, where: string): string {
    const semi = line.indexOf(';');
    const pair = semi < 0 ? line : line.slice(0, semi);
    const rest = semi < 0 ? '' : line.slice(semi);
    const eq = pair.indexOf('=');
    if (eq < 0) return pair.trim() ? `${pair.replace(pair.trim(), this.r.credential(pair.trim(), 'cookie', where))}${this.r.sweep(rest, where)}` : line;
    return `${pair.slice(0, eq + 1)}${this.r.credential(pair.slice(eq + 1).trim(), 'cookie', where)}${this.r.sweep(rest, where)}`;
  }

  body(body: string, type: string | undefined): string {
    const t = (type ?? '').toLowerCase();
    const trimmed = body.trimStart();
    if (t.includes('x-www-form-urlencoded') || (!t && /^[\w.%-]+=[^<{]*$/.test(trimmed))) return this.pairs(body, 'body', false);
    if (t.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith(")]}'")) return this.json(body);
    if (trimmed.startsWith('<')) return this.r.xml(body, 'body (XML)');
    return this.text(body, 'body');
  }

  /**
   * A captured page: the fields of its forms are judged like posted fields (an IdP's auto-post page carries the
   * whole SAMLResponse, a sign-in page its tokens), then the text is swept. JSON answers like JSON bodies.
   */
  responseBody(text: string, mimeType: string | undefined): string {
    const type = (mimeType ?? '').toLowerCase();
    const trimmed = text.trimStart();
    if (type.includes('json') || (!type.includes('html') && (trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith(")]}'")))) return this.json(text);
    const fields = text.replace(INPUT_TAG, (tag) => this.inputTag(tag));
    return this.text(fields, 'response body');
  }

  private inputTag(tag: string): string {
    const name = attributeOf(tag, 'name');
    const value = attributeOf(tag, 'value');
    if (!name || !value) return tag;
    const decoded = htmlDecode(value.text);
    const next = this.field(htmlDecode(name.text), decoded, `response body field ${htmlDecode(name.text)}`, false);
    return next === decoded ? tag : `${tag.slice(0, value.start)}${htmlEscape(next)}${tag.slice(value.end)}`;
  }

  /**
   * Every string of a parsed JSON body, with the key it stands under, in document order. An explicit stack, not
   * recursion: JSON.parse accepts bodies nested far deeper than the call stack (an API answer of 2,000 nested
   * arrays), and one such body must not end the whole export.
   */
  private learnJson(root: unknown): void {
    const stack: Array<[unknown, string | undefined]> = [[root, undefined]];
    for (let item = stack.pop(); item; item = stack.pop()) {
      const [value, key] = item;
      // A SAML message sent as JSON (an SPA posting {"SAMLResponse": "..."}) is redacted like a form field.
      if (typeof value === 'string' && key !== undefined && isSamlParam(key)) this.samlValue(value, `body ${key}`, false);
      else if (typeof value === 'string' && key !== undefined && isSecretField(key)) this.r.credential(value, 'secret', `body ${key}`);
      else if (typeof value === 'string' && isBareToken(value)) this.r.credential(value, 'credential', `body ${key ?? 'value'}`);
      // Pushed last to first so they are learnt in document order: a SAML message's pseudonyms are numbered by
      // first sight, as they were by the recursive walk.
      else if (Array.isArray(value)) for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], key]);
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value).reverse()) stack.push([v, k]);
    }
  }

  private json(body: string): string {
    // Google's APIs (and others) put `)]}'` before their JSON so a script tag cannot run it.
    const xssi = /^\s*\)\]\}'[^\n]*\n/.exec(body)?.[0];
    if (xssi) return xssi + this.json(body.slice(xssi.length));
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return this.text(body, 'body');
    }
    // Learn the secrets by key, then sweep the text as written so its formatting survives.
    if (this.r.mode === 'collect') {
      this.learnJson(parsed);
      this.freeMembers(this.members(body, 'body'), 'body');
      return this.r.sweep(body, 'body');
    }
    // freeMembers too: a string member may hold a GraphQL query with its own `password: \"...\"` argument.
    return this.r.sweep(this.freeMembers(this.members(body, 'body'), 'body'), 'body');
  }

  /**
   * Text that is not a form, JSON or XML (a page, a script, text/plain, JSON that does not parse): its
   * `"key": "value"` members and `key: "value"` / `key: value` lines are judged by their keys, then it is swept.
   */
  private text(text: string, where: string): string {
    return this.r.sweep(this.samlInText(this.freeMembers(this.members(text, where), where), where), where);
  }

  /**
   * Every `"key": value` member written in `text` (a JSON body, or JSON inside a page's script) judged by its
   * key, the value replaced where it stands however the JSON writes it (`\/`, `\u00e4`) or whatever it is (a
   * numeric one-time code): secrets go, the user name and personal names are pseudonymised under `share`,
   * and a value that is a random token as a whole goes whatever its key.
   */
  private members(body: string, where: string): string {
    return body.replace(JSON_MEMBER, (whole, rawKey: string, value: string) => {
      let key: unknown;
      try {
        key = JSON.parse(`"${rawKey}"`);
      } catch {
        return whole;
      }
      if (typeof key === 'string' && isSamlParam(key) && value.startsWith('"')) {
        let message: string;
        try {
          message = JSON.parse(value) as string;
        } catch {
          return whole;
        }
        const redacted = this.samlValue(message, `body ${key}`, false);
        return redacted === message ? whole : `${whole.slice(0, whole.length - value.length)}${JSON.stringify(redacted)}`;
      }
      if (typeof key !== 'string' || value === `"${REDACTED}"`) return whole;
      const put = (next: string, was: string) => (next === was ? whole : `${whole.slice(0, whole.length - value.length)}${JSON.stringify(next)}`);
      if (isSecretField(key)) return put(this.r.credential(value, 'secret', `${where} ${key}`), value);
      if (!value.startsWith('"')) return whole;
      let text: string;
      try {
        text = JSON.parse(value) as string;
      } catch {
        return whole;
      }
      if (USER_FIELD.test(key) && text.trim()) return put(this.r.personal(text, 'nameid', `${where} ${key}`), text);
      if (isPersonalNameKey(key) && text.trim()) return put(this.r.personal(text, 'name', `${where} ${key}`), text);
      if (isBareToken(text)) return put(this.r.credential(text, 'credential', `${where} ${key}`), text);
      return whole;
    });
  }

  /** `password: "..."` in a script or GraphQL query, `password: ...` or `password = ...` on a line of plain text. */
  private freeMembers(text: string, where: string): string {
    return text.replace(FREE_MEMBER, (whole, k1: string | undefined, quoted: string | undefined, k2: string | undefined, line: string | undefined) => {
      const key = k1 ?? k2 ?? '';
      if (!isSecretField(key)) return whole;
      // A quoted value inside a JSON string (a GraphQL query posted as JSON) has its quotes escaped: \"...\".
      const quote = quoted === undefined ? '' : quoted.startsWith('\\') ? '\\"' : quoted[0]!;
      const value = quoted !== undefined ? quoted.slice(quote.length, -quote.length) : (line ?? '').trimEnd();
      if (!value.trim() || value === REDACTED) return whole;
      const next = this.r.credential(value, 'secret', `${where} ${key}`);
      const written = quoted ?? line ?? '';
      return next === value ? whole : `${whole.slice(0, whole.length - written.length)}${quote}${next}${quote}${written.slice(quote.length + value.length + quote.length)}`;
    });
  }
}

const FOLDED_COOKIE = /(,[ \t]*)(?=[^;,=\s]+=)/;

/** JSON keys holding a person's name (not a bare `name` or `cn`: in JSON those name apps and groups as often). */
function isPersonalNameKey(key: string): boolean {
  const k = key.toLowerCase();
  return k !== 'name' && k !== 'cn' && isNameAttribute(k);
}

// An unquoted key (a script's object literal, a GraphQL argument) with a quoted value, or a `key: value` /
// `key = value` line of plain text.
const FREE_MEMBER = /\b([A-Za-z_$][\w.$-]{0,60})[ \t]*:[ \t]*(\\"(?:[^"\\\n]|\\[^"])*\\"|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|^[ \t]*([A-Za-z_][\w.-]{0,60})[ \t]*[:=][ \t]*([^\s"'][^\r\n]*)$/gm;

/**
 * A value that is one random token and nothing else (no URL, no words around it): a URL or a sentence holding
 * one is swept instead, so only the token goes and the rest stays readable.
 */
const SAML_CONTENT = /^(?:SAMLRequest|SAMLResponse|SAMLart|Signature|SigAlg)$/i;
const USER_FIELD = /^(?:user(?:[-_]?name|[-_]?id)?|login(?:fmt|[-_]?name|[-_]?hint)?|identifier|j_username|upn|e-?mail|account(?:[-_]?name)?|uid)$/i;

// One parameter of a URL written inside a value: `?state=…`, `&handle=…` (raw or once percent-encoded).
const QUERY_VALUE = /((?:[?&]|%3[Ff]|%26)[^=&#\s%]{1,100}(?:=|%3[Dd]))([A-Za-z0-9._~+/-]{24,}=*)/g;
/** The shortest text QUERY_VALUE matches (`?a=` and 24 token characters): most field values are shorter. */
const QUERY_VALUE_MIN = 27;

function isBareToken(value: string): boolean {
  const v = value.trim();
  return /^[A-Za-z0-9._~+/-]+=*$/.test(v) && !v.startsWith('/') && looksLikeToken(v);
}

function contentType(headers: HttpHeader[]): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
}

// A JSON member with a string or number value: its key and the value as written.
const JSON_MEMBER = /"((?:[^"\\\n]|\\.){1,200})"\s*:\s*("(?:[^"\\\n]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/g;

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

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character references as a browser reads them in an attribute: every numeric one (`&#x2b;`, `&#43;`), and the named few. */
function htmlDecode(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,6});/g, (m, e: string) => {
    if (e[0] !== '#') return HTML_ENTITIES[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
