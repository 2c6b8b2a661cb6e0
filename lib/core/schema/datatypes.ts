import { TextCache } from '../text-cache';
import { own } from '../dictionary';
import { isXmlSpace } from '../xml/nodes';

/**
 * XML Schema's built-in simple types, as far as SAML messages use them (in the schemas or in xsi:type on an
 * AttributeValue). Lexical checks follow libxml2, which python3-saml, ruby-saml and php-saml validate with:
 * where libxml2 is more lenient than the XML Schema recommendation (base64 ignores characters outside its
 * alphabet; anyURI accepts spaces and other characters it escapes), so is this, so that SAML Lens does not
 * call a message invalid that those SPs accept.
 */

/** Each built-in's base type; the root is xs:anyType. */
const BASE: Record<string, string> = {
  'xs:anySimpleType': 'xs:anyType',
  'xs:normalizedString': 'xs:string',
  'xs:token': 'xs:normalizedString',
  'xs:language': 'xs:token',
  'xs:NMTOKEN': 'xs:token',
  'xs:Name': 'xs:token',
  'xs:NCName': 'xs:Name',
  'xs:ID': 'xs:NCName',
  'xs:IDREF': 'xs:NCName',
  'xs:ENTITY': 'xs:NCName',
  'xs:integer': 'xs:decimal',
  'xs:nonPositiveInteger': 'xs:integer',
  'xs:negativeInteger': 'xs:nonPositiveInteger',
  'xs:long': 'xs:integer',
  'xs:int': 'xs:long',
  'xs:short': 'xs:int',
  'xs:byte': 'xs:short',
  'xs:nonNegativeInteger': 'xs:integer',
  'xs:unsignedLong': 'xs:nonNegativeInteger',
  'xs:unsignedInt': 'xs:unsignedLong',
  'xs:unsignedShort': 'xs:unsignedInt',
  'xs:unsignedByte': 'xs:unsignedShort',
  'xs:positiveInteger': 'xs:nonNegativeInteger',
};
for (const primitive of ['string', 'boolean', 'decimal', 'float', 'double', 'duration', 'dateTime', 'time', 'date', 'gYearMonth', 'gYear',
  'gMonthDay', 'gDay', 'gMonth', 'hexBinary', 'base64Binary', 'anyURI', 'QName', 'NOTATION', 'NMTOKENS', 'IDREFS', 'ENTITIES']) {
  BASE[`xs:${primitive}`] = 'xs:anySimpleType';
}

export function isBuiltin(name: string): boolean {
  return name === 'xs:anyType' || builtinBase(name) !== undefined;
}

export function builtinBase(name: string): string | undefined {
  return own(BASE, name);
}

const START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const MORE = `${START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
// Name characters include combining marks on purpose (XML 1.0 §2.3 NameChar).
/* eslint-disable no-misleading-character-class */
const NCNAME = new RegExp(`^[${START}][${MORE}]*$`, 'u');
const NAME = new RegExp(`^[${START}:][${MORE}:]*$`, 'u');
const NMTOKEN = new RegExp(`^[${MORE}:]+$`, 'u');
/* eslint-enable no-misleading-character-class */
const ASCII_NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

export function isNCName(v: string): boolean {
  return ASCII_NCNAME.test(v) || NCNAME.test(v);
}

export function isQName(v: string): boolean {
  const colon = v.indexOf(':');
  return colon < 0 ? isNCName(v) : isNCName(v.slice(0, colon)) && isNCName(v.slice(colon + 1));
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function validYear(digits: string): boolean {
  return (digits.length === 4 || (digits.length > 4 && digits[0] !== '0')) && Number(digits) !== 0;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return month === 2 && !leap(year) ? day <= 28 : day <= DAYS[month - 1]!;
}

function validTime(h: string, m: string, s: string): boolean {
  // libxml2 takes 24:00:00, the end of the day.
  return (Number(h) <= 23 && Number(m) <= 59 && Number(s) < 60) || (h === '24' && Number(m) === 0 && Number(s) === 0);
}

function validZone(z: string | undefined): boolean {
  if (!z || z === 'Z') return true;
  const minutes = Number(z.slice(1, 3)) * 60 + Number(z.slice(4, 6));
  return Number(z.slice(4, 6)) <= 59 && minutes <= 14 * 60;
}

const ZONE = '(Z|[+-]\\d{2}:\\d{2})?';
const DATE_TIME = new RegExp(`^-?(\\d{4,})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2}(?:\\.\\d+)?)${ZONE}$`);
const DATE = new RegExp(`^-?(\\d{4,})-(\\d{2})-(\\d{2})${ZONE}$`);
const TIME = new RegExp(`^(\\d{2}):(\\d{2}):(\\d{2}(?:\\.\\d+)?)${ZONE}$`);

function dateTime(v: string): boolean {
  const m = DATE_TIME.exec(v);
  return !!m && validYear(m[1]!) && validDay(Number(m[1]), Number(m[2]), Number(m[3])) && validTime(m[4]!, m[5]!, m[6]!) && validZone(m[7]);
}

function date(v: string): boolean {
  const m = DATE.exec(v);
  return !!m && validYear(m[1]!) && validDay(Number(m[1]), Number(m[2]), Number(m[3])) && validZone(m[4]);
}

function time(v: string): boolean {
  const m = TIME.exec(v);
  return !!m && validTime(m[1]!, m[2]!, m[3]!) && validZone(m[4]);
}

/** What libxml2's base64Binary skips: anything outside the alphabet and '='. */
const OUTSIDE_BASE64 = /[^A-Za-z0-9+/=]/;
const OUTSIDE_BASE64_ALL = /[^A-Za-z0-9+/=]+/g;
/** The letters, then at most two '=' and nothing after them. */
const BASE64_SHAPE = /^[A-Za-z0-9+/]*(={0,2})$/;

/**
 * libxml2's base64Binary: characters outside the alphabet are skipped; padding must fit the count. Regular
 * expressions rather than a loop over the characters: a check's first run (every CLI start) is interpreted, and
 * the loop over a message's certificates and signature values cost it about 0.3 ms.
 */
function base64(v: string): boolean {
  const s = OUTSIDE_BASE64.test(v) ? v.replace(OUTSIDE_BASE64_ALL, '') : v;
  const pad = BASE64_SHAPE.exec(s)?.[1]?.length;
  if (pad === undefined) return false;
  const letters = s.length - pad;
  const last = s.charAt(letters - 1);
  if (pad === 0) return letters % 4 === 0;
  if (pad === 1) return letters % 4 === 3 && 'AEIMQUYcgkosw048'.includes(last);
  return letters % 4 === 2 && 'AQgw'.includes(last);
}

/**
 * libxml2's anyURI: characters a URI cannot hold (controls, space, non-ASCII, `<>"{}|\^\`'`) are taken as
 * escaped, then the result must parse as an RFC 3986 URI reference.
 */
function anyUri(v: string): boolean {
  if (!v) return true;
  // eslint-disable-next-line no-control-regex
  const s = v.replace(/[\u0000-\u0020\u007f-\uffff<>"{}|\\^`']/g, '_');
  if (/%(?![0-9A-Fa-f]{2})/.test(s)) return false;
  const hash = s.indexOf('#');
  if (hash >= 0 && s.indexOf('#', hash + 1) >= 0) return false;
  const head = s.slice(0, hash >= 0 ? hash : undefined);
  const colon = head.search(/[:/?]/);
  let rest = head;
  if (colon >= 0 && head[colon] === ':') {
    if (!/^[A-Za-z][A-Za-z0-9+.-]*$/.test(head.slice(0, colon))) return false;
    rest = head.slice(colon + 1);
  }
  const auth = /^\/\/([^/?]*)/.exec(rest);
  const path = auth ? rest.slice(auth[0].length) : rest;
  if (/[[\]]/.test(path)) return false;
  if (auth && /[[\]]/.test(auth[1]!) && !/^([^@]*@)?\[[0-9A-Fa-f:.vV]+\](:\d*)?$/.test(auth[1]!)) return false;
  return true;
}

/**
 * A check whose values repeat within a message and from one message to the next (algorithm URIs, entity
 * IDs, the IdP's certificate in each signature), remembered. The caps, in count and in length, keep values
 * from the messages from growing it without end.
 */
function remembered(check: (v: string) => boolean, maxLength: number): (v: string) => boolean {
  const seen = new TextCache<boolean>(256);
  return (v) => {
    let ok = seen.get(v);
    if (ok === undefined) {
      ok = check(v);
      if (v.length <= maxLength) seen.set(v, ok);
    }
    return ok;
  };
}

const INTEGER = /^[+-]?\d+$/;
const UNSIGNED = /^\d+$/;

/** libxml2 keeps decimals in 24 digits: leading zeros of the integer part do not count, fraction digits do. */
function fitsDecimal(v: string): boolean {
  const [whole = '', fraction = ''] = v.replace(/^[+-]/, '').split('.');
  return whole.replace(/^0+/, '').length + fraction.length <= 24;
}

function integerIn(v: string, min: bigint | undefined, max: bigint | undefined): boolean {
  if (!(min === 0n ? UNSIGNED : INTEGER).test(v) || !fitsDecimal(v)) return false;
  if (min === undefined && max === undefined) return true;
  const n = BigInt(v);
  return (min === undefined || n >= min) && (max === undefined || n <= max);
}

const FLOAT = /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF|-INF|NaN)$/;
const DURATION = /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

const CHECKS: Record<string, (v: string) => boolean> = {
  'xs:boolean': (v) => v === 'true' || v === 'false' || v === '1' || v === '0',
  'xs:decimal': (v) => /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v) && fitsDecimal(v),
  'xs:integer': (v) => integerIn(v, undefined, undefined),
  'xs:nonPositiveInteger': (v) => integerIn(v, undefined, 0n),
  'xs:negativeInteger': (v) => integerIn(v, undefined, -1n),
  'xs:long': (v) => integerIn(v, -(2n ** 63n), 2n ** 63n - 1n),
  'xs:int': (v) => integerIn(v, -(2n ** 31n), 2n ** 31n - 1n),
  'xs:short': (v) => integerIn(v, -32768n, 32767n),
  'xs:byte': (v) => integerIn(v, -128n, 127n),
  'xs:nonNegativeInteger': (v) => INTEGER.test(v) && fitsDecimal(v) && BigInt(v) >= 0n,
  'xs:unsignedLong': (v) => integerIn(v, 0n, 2n ** 64n - 1n),
  'xs:unsignedInt': (v) => integerIn(v, 0n, 2n ** 32n - 1n),
  'xs:unsignedShort': (v) => integerIn(v, 0n, 65535n),
  'xs:unsignedByte': (v) => integerIn(v, 0n, 255n),
  'xs:positiveInteger': (v) => INTEGER.test(v) && fitsDecimal(v) && BigInt(v) >= 1n,
  'xs:float': (v) => FLOAT.test(v),
  'xs:double': (v) => FLOAT.test(v),
  'xs:duration': (v) => DURATION.test(v),
  'xs:dateTime': dateTime,
  'xs:date': date,
  'xs:time': time,
  'xs:gYear': (v) => /^-?(\d{4,})(Z|[+-]\d{2}:\d{2})?$/.test(v) && validYear(/\d+/.exec(v)![0]),
  'xs:gYearMonth': (v) => /^-?\d{4,}-(0[1-9]|1[0-2])(Z|[+-]\d{2}:\d{2})?$/.test(v) && validYear(/\d+/.exec(v)![0]),
  'xs:gMonth': (v) => /^--(0[1-9]|1[0-2])(Z|[+-]\d{2}:\d{2})?$/.test(v),
  'xs:gMonthDay': (v) => /^--(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(Z|[+-]\d{2}:\d{2})?$/.test(v),
  'xs:gDay': (v) => /^---(0[1-9]|[12]\d|3[01])(Z|[+-]\d{2}:\d{2})?$/.test(v),
  'xs:hexBinary': (v) => /^([0-9A-Fa-f]{2})*$/.test(v),
  'xs:base64Binary': remembered(base64, 8192),
  'xs:anyURI': remembered(anyUri, 512),
  'xs:QName': isQName,
  // No DTD declares notations or unparsed entities, so no value can name one.
  'xs:NOTATION': () => false,
  'xs:language': (v) => /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(v),
  'xs:NMTOKEN': (v) => NMTOKEN.test(v),
  'xs:NMTOKENS': (v) => v.length > 0 && v.split(' ').every((t) => NMTOKEN.test(t)),
  'xs:Name': (v) => NAME.test(v),
  'xs:NCName': isNCName,
  'xs:ID': isNCName,
  'xs:IDREF': isNCName,
  'xs:ENTITY': () => false,
  'xs:IDREFS': (v) => v.length > 0 && v.split(' ').every(isNCName),
  'xs:ENTITIES': () => false,
};

/** The value as a type's whiteSpace facet leaves it: strings as they are, everything else collapsed. */
export function normalise(builtin: string, value: string): string {
  // base64 skips whitespace itself; collapsing a certificate would only cost time.
  if (builtin === 'xs:string' || builtin === 'xs:anySimpleType' || builtin === 'xs:base64Binary') return value;
  if (builtin === 'xs:normalizedString') return value.replace(/[\t\n\r]/g, ' ');
  return collapse(value);
}

/**
 * The whiteSpace facet's collapse: runs of tab, line feed, carriage return and space become one space, and none
 * is left at either end. Only those four: String.prototype.trim also removes U+00A0, U+3000 or a BOM, which
 * libxml2 keeps (so `\u00a0true` is no xs:boolean there).
 */
export function collapse(value: string): string {
  if (!SPACE.test(value)) return value;
  const v = value.replace(/[\t\n\r ]+/g, ' ');
  return v.slice(v.charCodeAt(0) === 0x20 ? 1 : 0, v.charCodeAt(v.length - 1) === 0x20 ? -1 : v.length);
}

const FIXED_WIDTH = ['xs:long', 'xs:int', 'xs:short', 'xs:byte', 'xs:unsignedLong', 'xs:unsignedInt', 'xs:unsignedShort', 'xs:unsignedByte', 'xs:date', 'xs:gYear', 'xs:gYearMonth'];
/** Types whose value libxml2 refuses with whitespace before it, or after it, although the whiteSpace facet collapses it. */
const NO_LEADING = new Set([...FIXED_WIDTH, 'xs:dateTime', 'xs:QName']);
const NO_TRAILING = new Set([...FIXED_WIDTH, 'xs:time', 'xs:gMonth', 'xs:gMonthDay', 'xs:gDay', 'xs:duration']);
const SPACE = /[ \t\n\r]/;

/** Whether a value as written is in the lexical space of a built-in type (whitespace handled as libxml2 does). */
export function validBuiltin(builtin: string, raw: string): boolean {
  return builtinValidator(builtin)(raw);
}

const validators = new Map<string, (raw: string) => boolean>();

/**
 * validBuiltin for one built-in, its table look-ups done once: the schema check asks it for every attribute
 * and text of a message.
 */
export function builtinValidator(builtin: string): (raw: string) => boolean {
  let valid = validators.get(builtin);
  if (valid) return valid;
  const check = own(CHECKS, builtin);
  const noLeading = NO_LEADING.has(builtin);
  const noTrailing = NO_TRAILING.has(builtin);
  valid = !check
    ? () => true
    : (raw) => {
        if (raw && ((noLeading && isXmlSpace(raw.charCodeAt(0))) || (noTrailing && isXmlSpace(raw.charCodeAt(raw.length - 1))))) return false;
        return check(normalise(builtin, raw));
      };
  // Built-in names only (isBuiltin): the model's types resolve to them, so the map stays small.
  if (validators.size < 128) validators.set(builtin, valid);
  return valid;
}
