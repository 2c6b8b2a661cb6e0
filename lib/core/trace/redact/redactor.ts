import { formEncode } from '../query';
import { emailSpans, ESCAPED_AT } from './emails';
import { isNameAttribute, REDACTED, type RedactionProfile } from './profiles';
import { looksLikeEmail, Pseudonyms, type PersonalKind } from './pseudonyms';
import { NeedleIndex } from './needles';
import { percentDecode, percentEncode } from './percent';
import { credentialSpans } from './scan';
import { rewriteCredentials, rewritePersonal, xmlEscape } from './xml-text';
import { dictionary } from '../../dictionary';

export type RedactionKind = 'cookie' | 'credential' | 'secret' | 'nameid' | 'session' | 'attribute' | 'name' | 'email' | 'undecodable';

/** One place an export changed, for the preview. Never carries the original value. */
export interface Replacement {
  entry?: string;
  /** e.g. `request header Cookie`, `query password`, `form SAMLResponse (decoded XML)`. */
  where: string;
  kind: RedactionKind;
  count: number;
}

/** Values this short or this common are replaced only where they are structurally personal, never swept. */
const MIN_SWEEP = 4;
const MIN_SWEEP_NAME = 2;
const BOUNDARY_BELOW = 16;
const NEVER_SWEEP = new Set(['true', 'false', 'null', 'none', 'yes', 'no', 'undefined', 'REDACTED']);

interface Needle {
  replacement: string;
  kind: RedactionKind;
}

function jsonEscape(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** Characters that URL, form, XML and JSON escaping all leave as they are. */
const UNESCAPED = /^[A-Za-z0-9_.!~*()-]*$/;

/**
 * The ways a value can be written in an export: raw, URL- and form-encoded (once, and twice for a URL inside
 * another URL's parameter, as a RelayState in a query), XML- and JSON-escaped.
 */
function spellings(value: string): string[] {
  const url = encodeURIComponent(value);
  const form = formEncode(value);
  return [value, url, form, encodeURIComponent(url), formEncode(form), xmlEscape(value), jsonEscape(value)];
}

/**
 * Applies one profile to a whole export in two passes over the same walker: `collect` learns every
 * credential and personal value (so a token seen in a header is also removed from a later URL), `apply`
 * replaces them everywhere, in their raw, URL-, form-, XML- and JSON-escaped spellings.
 */
export class Redactor {
  mode: 'collect' | 'apply' = 'collect';
  entry: string | undefined;
  readonly pseudonyms = new Pseudonyms();
  readonly replacements: Replacement[] = [];
  private readonly needles = new NeedleIndex<Needle>(BOUNDARY_BELOW);
  private readonly noted = new Map<string, Replacement>();
  /** Names too short for the needle index (which keys on four characters), replaced as whole words. */
  private readonly shortNames = new Map<string, Needle>();
  private shortNamePattern: RegExp | undefined;

  constructor(readonly profile: RedactionProfile) {}

  get active(): boolean {
    return this.profile !== 'none';
  }

  get sharing(): boolean {
    return this.profile === 'share';
  }

  /** A credential value found where it is structurally a credential (cookie, Authorization, password field). */
  credential(value: string, kind: 'cookie' | 'credential' | 'secret', where: string): string {
    if (!this.active || value === '' || value === REDACTED) return value;
    if (this.mode === 'collect') {
      this.learn(value, { replacement: REDACTED, kind });
      return value;
    }
    this.note(where, kind, 1);
    return REDACTED;
  }

  /** A personal value found where it is structurally personal (share profile only). */
  personal(value: string, kind: PersonalKind, where: string): string {
    if (!this.sharing || value.trim() === '' || this.pseudonyms.isPseudonym(value)) return value;
    const replacement = this.pseudonyms.pseudonym(value, kind);
    if (this.mode === 'collect') {
      this.learn(value, { replacement, kind: looksLikeEmail(value.trim()) ? 'email' : kind });
      const trimmed = value.trim();
      if (trimmed !== value) this.learn(trimmed, { replacement, kind });
      return value;
    }
    this.note(where, looksLikeEmail(value.trim()) ? 'email' : kind, 1);
    return replacement;
  }

  /** Something that could not be decoded cannot be checked: under `share` it goes rather than risk a leak. */
  undecodable(value: string, where: string): string {
    if (!this.sharing || this.mode === 'collect') return value;
    this.note(where, 'undecodable', 1);
    return REDACTED;
  }

  /** The personal values of a decoded SAML document, replaced in place (share) and then swept. */
  xml(xml: string, where: string): string {
    if (!this.active) return xml;
    let out = rewriteCredentials(xml, (value, element) => {
      const next = this.credential(value, 'secret', `${where}: ${element}`);
      return next === value ? undefined : next;
    });
    if (this.sharing) {
      out = rewritePersonal(out, (found) => {
        const name = found.attributeName ?? found.friendlyName;
        const kind: PersonalKind =
          found.element === 'AttributeValue'
            ? isNameAttribute(found.attributeName) || isNameAttribute(found.friendlyName)
              ? 'name'
              : 'attribute'
            : found.element === 'SessionIndex'
              ? 'session'
              : 'nameid';
        const label = found.element === 'AttributeValue' ? `${where}: attribute ${name ?? '(unnamed)'}` : `${where}: ${found.element}`;
        const next = this.personal(found.value, kind, label);
        return next === found.value ? undefined : next;
      });
    }
    return this.sweep(out, where);
  }

  /**
   * Replaces every learnt value, every credential found by its name or shape in the text itself (a token in a
   * URL inside a RelayState, a JWT, a signed-URL signature) and, under `share`, every e-mail address.
   * While collecting, the credentials found are learnt, so they also go wherever else they appear.
   */
  sweep(text: string, where: string): string {
    if (!this.active || text === '') return text;
    if (this.mode === 'collect') {
      for (const s of credentialSpans(text)) this.learnFound(text.slice(s.start, s.end), s.kind);
      return text;
    }
    const counts = new Map<RedactionKind, number>();
    const bump = (kind: RedactionKind) => counts.set(kind, (counts.get(kind) ?? 0) + 1);
    let out = this.needles.replace(text, (needle) => {
      bump(needle.kind);
      return needle.replacement;
    });
    if (this.shortNames.size > 0) {
      // Not next to base64's + / = either: two letters between them are a piece of an encoded value, not a name.
      this.shortNamePattern ??= new RegExp(`(?<![\\p{L}\\p{N}_+/=])(?:${[...this.shortNames.keys()].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_+/=])`, 'gu');
      out = out.replace(this.shortNamePattern, (name) => {
        const needle = this.shortNames.get(name)!;
        bump(needle.kind);
        return needle.replacement;
      });
    }
    out = replaceSpans(out, credentialSpans(out), (value, span) => {
      if (value === REDACTED || percentDecode(value, 2) === REDACTED) return value;
      bump(span.kind);
      return REDACTED;
    });
    if (this.sharing) {
      out = replaceSpans(out, emailSpans(out), (match, span) => {
        const email = percentDecode(match, span.levels).replace(ESCAPED_AT, '@');
        if (this.pseudonyms.isPseudonym(email) || !looksLikeEmail(email)) return match;
        bump('email');
        return percentEncode(this.pseudonyms.pseudonym(email, 'email'), span.levels);
      });
    }
    for (const [kind, count] of counts) this.note(where, kind, count);
    return out;
  }

  /** Sweeps every string inside a JSON-like value (verdict reasons, finding messages, settings). */
  sweepDeep<T>(value: T, where: string): T {
    if (typeof value === 'string') return this.sweep(value, where) as T;
    if (Array.isArray(value)) return value.map((v) => this.sweepDeep(v, where)) as T;
    if (value && typeof value === 'object') {
      const out = dictionary<unknown>();
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = this.sweepDeep(v, where);
      return out as T;
    }
    return value;
  }

  /** A credential found in free text, learnt as written and as it reads once its URL escapes are undone. */
  private learnFound(value: string, kind: 'secret' | 'credential'): void {
    if (value === REDACTED) return;
    this.learn(value, { replacement: REDACTED, kind });
    const decoded = percentDecode(value, 2);
    if (decoded !== value) this.learn(decoded, { replacement: REDACTED, kind });
  }

  private learn(value: string, needle: Needle): void {
    if (NEVER_SWEEP.has(value.toLowerCase())) return;
    if (value.length < MIN_SWEEP) {
      // A person's name is swept however short ("Li", "Ann" in a page's greeting), as a whole word only.
      if (needle.kind === 'name' && value.length >= MIN_SWEEP_NAME && !this.shortNames.has(value)) {
        this.shortNames.set(value, needle);
        this.shortNamePattern = undefined;
      }
      return;
    }
    const r = needle.replacement;
    // Short values only as whole words: a four-letter password must not eat the middle of a longer word.
    if (UNESCAPED.test(value)) {
      // Every spelling is the value itself: an export of 50,000 cookies learns 50,000 such values.
      this.needles.add(value, needle);
      return;
    }
    const replacements = UNESCAPED.test(r) ? undefined : spellings(r);
    // Where two spellings coincide, the later one's replacement is kept.
    const pairs = new Map(spellings(value).map((spelling, i) => [spelling, replacements?.[i] ?? r]));
    for (const [spelling, replacement] of pairs) this.needles.add(spelling, { replacement, kind: needle.kind });
  }

  private note(where: string, kind: RedactionKind, count: number): void {
    const key = `${this.entry ?? ''}\u0000${where}\u0000${kind}`;
    const last = this.noted.get(key);
    if (last) last.count += count;
    else {
      const added: Replacement = { entry: this.entry, where, kind, count };
      this.noted.set(key, added);
      this.replacements.push(added);
    }
  }
}

/** Rewrites the given non-overlapping spans (in order) with what `replace` returns for each. */
function replaceSpans<S extends { start: number; end: number }>(text: string, spans: S[], replace: (value: string, span: S) => string): string {
  if (spans.length === 0) return text;
  let out = '';
  let copied = 0;
  for (const span of spans) {
    out += text.slice(copied, span.start) + replace(text.slice(span.start, span.end), span);
    copied = span.end;
  }
  return out + text.slice(copied);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
