import { LIMITS, SEVERITIES, type ProfileDocument } from './document';

/** The outcome of checking a value against the profile shape (profile.schema.json says the same). */
export interface ProfileCheck {
  /** Set only when there are no errors. */
  doc?: ProfileDocument;
  /** `field: expected X, got Y`, one per mistake. */
  errors: string[];
}

export interface ValidateOptions {
  /** Rule slugs that exist; a severity for another slug is a mistake (a typo would silently do nothing). */
  isKnownRule?: (slug: string) => boolean;
}

const TOP_FIELDS = [
  '$schema', 'id', 'name', 'summary', 'extends', 'sources', 'requiredAttributes', 'bareAttributeNames', 'nameIdFormat',
  'refusedNameIdFormats', 'nameIdEmail', 'sign', 'requireSha256', 'requireResponseIssuer', 'jitOnlyIdpInitiated',
  'acceptsEncryptedAssertions', 'readsFirstAttributeOnly', 'spEntityId', 'acsUrl', 'accountSid', 'severities',
];
const BOOLEAN_FIELDS = ['bareAttributeNames', 'nameIdEmail', 'requireSha256', 'requireResponseIssuer', 'jitOnlyIdpInitiated', 'acceptsEncryptedAssertions', 'readsFirstAttributeOnly'];
const STRING_FIELDS = ['$schema', 'summary', 'nameIdFormat', 'spEntityId', 'acsUrl'];
const ATTRIBUTE_FIELDS = ['name', 'aliases', 'purpose', 'nameFormat', 'friendlyName', 'source'];
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** What a value is, for "got ..." (short, and never the whole of a huge value). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return value.length > 40 ? `a string of ${value.length} characters` : `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const at = (path: string, key: string) => (path ? `${path}.${key}` : key);

class Checker {
  errors: string[] = [];
  constructor(private readonly options: ValidateOptions) {}

  fail(field: string, expected: string, value: unknown): void {
    // A file with thousands of mistakes needs its first few named, not all of them.
    if (this.errors.length < 20) this.errors.push(`${field}: expected ${expected}, got ${describe(value)}`);
  }

  string(field: string, value: unknown, nonEmpty = false): void {
    if (typeof value !== 'string' || (nonEmpty && value.trim() === '')) this.fail(field, nonEmpty ? 'a non-empty string' : 'a string', value);
    else if (value.length > LIMITS.stringChars) this.fail(field, `a string of at most ${LIMITS.stringChars} characters`, value);
  }

  strings(field: string, value: unknown): void {
    if (!Array.isArray(value)) return this.fail(field, 'an array of strings', value);
    if (value.length > LIMITS.listItems) return this.fail(field, `at most ${LIMITS.listItems} strings`, value);
    value.forEach((v, i) => this.string(`${field}[${i}]`, v, true));
  }

  unknownFields(path: string, o: Record<string, unknown>, known: string[]): void {
    for (const key of Object.keys(o)) {
      if (!known.includes(key)) this.errors.push(`${at(path, key)}: unknown field; expected one of ${known.filter((k) => k !== '$schema').join(', ')}`);
    }
  }

  attribute(field: string, value: unknown): void {
    if (typeof value === 'string') return this.string(field, value, true);
    if (!isObject(value)) return this.fail(field, 'an attribute name or an object with "name"', value);
    this.unknownFields(field, value, ATTRIBUTE_FIELDS);
    this.string(`${field}.name`, value.name, true);
    if (value.aliases !== undefined) this.strings(`${field}.aliases`, value.aliases);
    for (const key of ['purpose', 'nameFormat', 'friendlyName', 'source']) {
      if (value[key] !== undefined) this.string(`${field}.${key}`, value[key]);
    }
  }

  profile(path: string, value: unknown, depth: number): void {
    if (!isObject(value)) return this.fail(path || 'profile', 'a JSON object', value);
    this.unknownFields(path, value, TOP_FIELDS);
    this.string(at(path, 'name'), value.name, true);
    if (value.id !== undefined && (typeof value.id !== 'string' || !ID.test(value.id))) {
      this.fail(at(path, 'id'), 'lower-case letters, digits and dashes (e.g. "acme-hr")', value.id);
    }
    for (const key of STRING_FIELDS) if (value[key] !== undefined) this.string(at(path, key), value[key]);
    for (const key of BOOLEAN_FIELDS) if (value[key] !== undefined && typeof value[key] !== 'boolean') this.fail(at(path, key), 'true or false', value[key]);
    for (const key of ['sources', 'refusedNameIdFormats']) if (value[key] !== undefined) this.strings(at(path, key), value[key]);
    this.extendsField(path, value, depth);
    const attrs = value.requiredAttributes;
    if (attrs !== undefined) {
      if (!Array.isArray(attrs)) this.fail(at(path, 'requiredAttributes'), 'an array', attrs);
      else if (attrs.length > LIMITS.requiredAttributes) this.fail(at(path, 'requiredAttributes'), `at most ${LIMITS.requiredAttributes} attributes`, attrs);
      else attrs.forEach((a, i) => this.attribute(`${at(path, 'requiredAttributes')}[${i}]`, a));
    }
    if (value.sign !== undefined) {
      const sign = value.sign;
      if (!isObject(sign)) this.fail(at(path, 'sign'), 'an object like {"response": true, "assertion": false}', sign);
      else {
        this.unknownFields(at(path, 'sign'), sign, ['response', 'assertion']);
        for (const k of ['response', 'assertion']) if (sign[k] !== undefined && typeof sign[k] !== 'boolean') this.fail(at(path, `sign.${k}`), 'true or false', sign[k]);
      }
    }
    if (value.accountSid !== undefined) {
      const sid = value.accountSid;
      if (!isObject(sid)) this.fail(at(path, 'accountSid'), 'an object with acsUrl and spEntityId', sid);
      else {
        this.unknownFields(at(path, 'accountSid'), sid, ['acsUrl', 'spEntityId']);
        this.string(at(path, 'accountSid.acsUrl'), sid.acsUrl, true);
        this.string(at(path, 'accountSid.spEntityId'), sid.spEntityId, true);
      }
    }
    this.severities(at(path, 'severities'), value.severities);
  }

  extendsField(path: string, value: Record<string, unknown>, depth: number): void {
    const base = value.extends;
    const field = at(path, 'extends');
    if (base === undefined) return;
    if (typeof base === 'string') {
      if (base.trim() === '') this.fail(field, 'a profile id or a profile object', base);
      else if (typeof value.id === 'string' && base.trim().toLowerCase() === value.id) this.errors.push(`${field}: the profile "${value.id}" extends itself`);
      return;
    }
    if (!isObject(base)) return this.fail(field, 'a profile id or a profile object', base);
    if (depth >= LIMITS.extendsDepth) {
      this.errors.push(`${field}: expected at most ${LIMITS.extendsDepth} levels of extends, got more (does a profile extend itself?)`);
      return;
    }
    this.profile(field, base, depth + 1);
  }

  severities(field: string, value: unknown): void {
    if (value === undefined) return;
    if (!isObject(value)) return this.fail(field, 'an object of rule slug to "error", "warning" or "info"', value);
    const entries = Object.entries(value);
    if (entries.length > LIMITS.listItems) return this.fail(field, `at most ${LIMITS.listItems} rules`, value);
    for (const [slug, severity] of entries) {
      if (!SLUG.test(slug)) this.errors.push(`${field}.${slug}: expected a rule slug (lower-case letters, digits, dashes)`);
      else if (this.options.isKnownRule && !this.options.isKnownRule(slug)) this.errors.push(`${field}.${slug}: no rule has this slug (the README lists the rules)`);
      if (!SEVERITIES.includes(severity as never)) this.fail(`${field}.${slug}`, '"error", "warning" or "info"', severity);
    }
  }
}

/** Checks an untrusted value (parsed JSON) against the profile shape. Never throws. */
export function validateProfileDocument(value: unknown, options: ValidateOptions = {}): ProfileCheck {
  const checker = new Checker(options);
  checker.profile('', value, 0);
  return checker.errors.length ? { errors: checker.errors } : { doc: value as ProfileDocument, errors: [] };
}

/** JSON text -> parsed value, with a size cap; a syntax error is said in words. */
export function parseProfileText(text: string): { value?: unknown; error?: string } {
  if (text.length > LIMITS.textChars) return { error: `the profile is ${text.length} characters long; at most ${LIMITS.textChars} are read` };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    return { error: `not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
}
