// The schema check against the reference: xmllint --schema (libxml2, what python3-saml, ruby-saml and php-saml
// validate with) over the shipped XSDs, on every XML fixture and every message of the HAR flows. Skipped
// cleanly where xmllint is not installed (.ci/run installs Debian's libxml2-utils).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { extractMessages } from '../../../lib/core/binding';
import { readInput } from '../../../lib/core/input';
import { validateSchema } from '../../../lib/core/schema';
import { parseSamlMessages } from '../../../lib/core/xml';
import { sourceRange } from '../../../lib/core/xml/tree';
import { hasXmllint, xmllintVerdicts } from './xmllint';

const fixtures = (dir: string) => fileURLToPath(new URL(`../../fixtures/${dir}/`, import.meta.url));
const SCHEMA_KINDS = new Set(['Response', 'AuthnRequest', 'LogoutRequest', 'LogoutResponse', 'ArtifactResolve', 'ArtifactResponse', 'Assertion']);

interface Compared {
  name: string;
  /** What xmllint reads: the document, or the message cut out of its SOAP or WS-Trust wrapper. */
  xml: string;
  ours: boolean;
  messages: string[];
}

/** The element as a document of its own: its own text, with the namespace declarations in scope above it. */
function standalone(el: Element): string {
  const range = sourceRange(el)!;
  const declared = new Set(Array.from(el.attributes, (a) => a.name));
  let added = '';
  for (let n = el.parentNode as Element | null; n && n.nodeType === 1; n = n.parentNode as Element | null) {
    for (const a of Array.from(n.attributes)) {
      if ((a.name === 'xmlns' || a.name.startsWith('xmlns:')) && !declared.has(a.name)) {
        declared.add(a.name);
        added += ` ${a.name}="${a.value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}"`;
      }
    }
  }
  const text = range.source.slice(range.start, range.end);
  const afterName = 1 + el.nodeName.length;
  return text.slice(0, afterName) + added + text.slice(afterName);
}

function compared(name: string, xml: string): Compared[] {
  return parseSamlMessages(xml).flatMap((m, i) => {
    const parsed = m.parsed;
    if (!parsed || parsed.view.samlVersion !== '2.0' || !SCHEMA_KINDS.has(parsed.view.kind)) return [];
    const result = validateSchema(parsed.root);
    const whole = parsed.root === parsed.doc.documentElement;
    return [{ name: `${name}#${i + 1}`, xml: whole ? xml : standalone(parsed.root), ours: result.violations.length === 0, messages: result.violations.map((v) => v.message) }];
  });
}

/** A lone element (not a message), validated against its global declaration. */
function element(name: string, xml: string): Compared {
  const result = validateSchema(new DOMParser().parseFromString(xml, 'text/xml').documentElement);
  return { name, xml, ours: result.violations.length === 0, messages: result.violations.map((v) => v.message) };
}

function xmlFixtures(): Compared[] {
  const out: Compared[] = [];
  for (const dir of ['signatures', 'forgeries/files']) {
    for (const f of readdirSync(fixtures(dir)).filter((f) => f.endsWith('.xml')).sort()) out.push(...compared(`${dir}/${f}`, readFileSync(fixtures(dir) + f, 'utf8')));
  }
  return out;
}

function harMessages(): Compared[] {
  const out: Compared[] = [];
  for (const f of readdirSync(fixtures('flows')).filter((f) => f.endsWith('.har')).sort()) {
    const { entries } = readInput(readFileSync(fixtures('flows') + f, 'utf8'), { name: f });
    for (const entry of entries) {
      for (const m of extractMessages(entry)) if (m.xml) out.push(...compared(`flows/${f} ${entry.id} ${m.parameter}`, m.xml));
    }
  }
  return out;
}

function disagreements(cases: Compared[]): string[] {
  const lint = xmllintVerdicts(cases.map((c) => c.xml));
  return cases.flatMap((c, i) => (c.ours === lint[i] ? [] : [`${c.name}: SAML Lens ${c.ours ? 'valid' : `invalid (${c.messages[0]})`}, xmllint ${lint[i] ? 'valid' : 'invalid'}`]));
}

/** Values whose validity libxml2 decides in its own way (whitespace, digit limits, lenient base64 and URIs). */
const VALUES: Record<string, string[]> = {
  dateTime: ['2020-01-01T00:00:00Z', '2020-01-01T00:00:00', ' 2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z ', '2020-01-01T24:00:00Z', '2020-02-29T00:00:00Z',
    '2021-02-29T00:00:00Z', '2020-01-01T00:00:60Z', '2020-01-01T00:00:00.Z', '0000-01-01T00:00:00Z', '10000-01-01T00:00:00Z', '01000-01-01T00:00:00Z',
    '2020-01-01T00:00:00+14:00', '2020-01-01T00:00:00+14:01', '2020-01-01T00:00:00+13:60', '2020-01-01 00:00:00Z', '2020-01-01T00:00Z', '2020-04-31T00:00:00Z', ''],
  base64Binary: ['QUFB', 'QUE=', 'QQ==', 'QUFBQ', 'Q UFB', 'QU=B', 'QUF=', 'QR==', 'QUFB====', '!!!!QUFB', ''],
  anyURI: ['http://a b', 'urn:x', '1a:b', ':x', 'http://[::1]/', 'http://[::1/', 'http://x/%zz', 'a#b#c', '', 'é', 'http://x/[a]', 'foo bar:baz', 'http://x/#[a]', 'a<b'],
  integer: ['1', '+1', '01', ' 1 ', '1\u00a0', '\u3000 1', '1.0', '123456789012345678901234', '1234567890123456789012345', '0001234567890123456789012'],
  decimal: ['1.', '.5', '1.5e3', '1.234567890123456789012345', '0.000000000000000000000001', '0.0000000000000000000000001'],
  unsignedShort: ['65535', '65536', '-0', '+7', ' 7'],
  nonNegativeInteger: ['0', '-0', '+0', '-1'],
  boolean: ['true', '1', 'TRUE', ' true ', '\u00a0true', 'true\u3000', ' true\u00a0 '],
  // Unicode spaces are not XML whitespace: no facet removes them.
  NCName: ['_a', '1a', 'a:b', 'é', 'a b', '\u00a0a', 'a\u2003'],
  ID: ['_1', '1', ' a '],
  QName: ['xs:b', 'q:b', ' xs:b', 'xs:b ', 'a:b:c'],
  date: ['2020-01-01', '2020-01-01 ', '2020-02-30'],
  time: ['24:00:00', ' 10:00:00', '10:00:00 '],
  duration: ['P1D', 'P', 'PT', '-P1Y', 'PT1.5S'],
  ENTITY: ['a'],
  language: ['en-US', 'english-is-long', 'en_US'],
};

function typedValue(type: string, value: string): string {
  const text = value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<saml:AttributeValue xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:${type}">${text}</saml:AttributeValue>`;
}

describe.skipIf(!hasXmllint())('schema check agrees with xmllint --schema', () => {
  it('on the values of built-in types (xsi:type on an AttributeValue)', () => {
    const cases = Object.entries(VALUES).flatMap(([type, values]) => values.map((v) => element(`xs:${type} ${JSON.stringify(v)}`, typedValue(type, v))));
    expect(cases.length).toBe(Object.values(VALUES).flat().length);
    expect(disagreements(cases)).toEqual([]);
  });

  it('on every XML fixture (signatures, forgeries), messages in SOAP and WS-Trust wrappers cut out', () => {
    const cases = xmlFixtures();
    expect(cases.length).toBeGreaterThan(50);
    expect(disagreements(cases)).toEqual([]);
    // Both verdicts occur, so agreement is not agreement on one answer.
    expect(cases.filter((c) => c.ours).length).toBeGreaterThan(20);
    expect(cases.filter((c) => !c.ours).length).toBeGreaterThan(10);
  });

  it('on every message of the HAR flows', () => {
    const cases = harMessages();
    expect(cases.length).toBeGreaterThan(20);
    expect(disagreements(cases)).toEqual([]);
  });

  it('finds the genuine fixtures valid', () => {
    const genuine = [...xmlFixtures().filter((c) => /genuine-/.test(c.name)), ...harMessages()];
    expect(genuine.filter((c) => !c.ours).map((c) => `${c.name}: ${c.messages.join('; ')}`)).toEqual([]);
  });
});
