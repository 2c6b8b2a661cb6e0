// Ways to break an input, each seeded: bytes, truncation, base64 and DEFLATE corruption, nesting, entity tricks,
// huge attributes, HAR files with fields of the wrong type, and XML structure edits.
import { deflateRawSync } from 'node:zlib';
import type { Rng } from './prng';
import type { Seed } from './seeds';

export interface Mutator {
  name: string;
  applies(seed: Seed): boolean;
  mutate(rng: Rng, seed: Seed): string;
}

const NASTY = ['<', '>', '&', '"', "'", '\u0000', '\uFFFF', '\uD800', '\u0085', '\u2028', ']]>', '<!--', '-->', '<?', '&#0;', '&#x110000;', '\r', '%', '=', '\\'];

function splice(text: string, at: number, remove: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

/** The message of a seed as XML: the seed itself, or for a HAR or URL nothing. */
const isXml = (s: Seed) => s.kind === 'xml';

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** One element's span (`<x ...>...</x>` or `<x/>`) in the text, found by a simple scan; undefined when none. */
function elementSpan(rng: Rng, xml: string): { start: number; end: number } | undefined {
  const starts: number[] = [];
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) if (/[A-Za-z]/.test(xml[i + 1] ?? '')) starts.push(i);
  if (!starts.length) return undefined;
  const start = rng.pick(starts);
  const name = /^<([^\s/>]+)/.exec(xml.slice(start))?.[1];
  if (!name) return undefined;
  const tagEnd = xml.indexOf('>', start);
  if (tagEnd < 0) return undefined;
  if (xml[tagEnd - 1] === '/') return { start, end: tagEnd + 1 };
  const close = xml.indexOf(`</${name}>`, tagEnd);
  return close < 0 ? undefined : { start, end: close + name.length + 3 };
}

export const MUTATORS: Mutator[] = [
  {
    name: 'bytes',
    applies: () => true,
    mutate(rng, seed) {
      let t = seed.text;
      for (let n = 1 + rng.int(8); n > 0; n--) {
        const at = rng.int(t.length + 1);
        const op = rng.int(3);
        if (op === 0) t = splice(t, at, 1, '');
        else if (op === 1) t = splice(t, at, 0, rng.pick(NASTY));
        else t = splice(t, at, 1, String.fromCharCode(rng.int(0x3000)));
      }
      return t;
    },
  },
  {
    name: 'truncate',
    applies: () => true,
    mutate: (rng, seed) => seed.text.slice(0, rng.int(seed.text.length)),
  },
  {
    name: 'base64',
    applies: isXml,
    mutate(rng, seed) {
      let b = base64(seed.text);
      const op = rng.int(4);
      if (op === 0) b = splice(b, rng.int(b.length), 1, rng.pick(['!', '-', '_', '=', ' ', '\n', '%', '*']));
      else if (op === 1) b = b.replace(/=+$/, '') + '='.repeat(rng.int(4));
      else if (op === 2) b = b.slice(0, rng.int(b.length));
      else b = b.replace(/\+/g, '-').replace(/\//g, '_');
      return `SAMLResponse=${rng.chance(0.5) ? encodeURIComponent(b) : b}&RelayState=${'r'.repeat(rng.int(200))}`;
    },
  },
  {
    name: 'deflate',
    applies: isXml,
    mutate(rng, seed) {
      const bytes = deflateRawSync(Buffer.from(seed.text, 'utf8'));
      const op = rng.int(3);
      let out: Buffer = bytes;
      if (op === 0) for (let n = 1 + rng.int(4); n > 0; n--) out[rng.int(out.length)] = rng.int(256);
      else if (op === 1) out = bytes.subarray(0, rng.int(bytes.length));
      else out = Buffer.concat([bytes, Buffer.from(Array.from({ length: 1 + rng.int(20) }, () => rng.int(256)))]);
      const param = rng.pick(['SAMLRequest', 'SAMLResponse']);
      return `https://idp.example.test/sso?${param}=${encodeURIComponent(out.toString('base64'))}&SigAlg=${encodeURIComponent('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')}&Signature=AAAA`;
    },
  },
  {
    name: 'nesting',
    applies: isXml,
    mutate(rng, seed) {
      const span = elementSpan(rng, seed.text);
      if (!span) return seed.text;
      const depth = rng.pick([10, 100, 1000, 5000]);
      const tag = rng.pick(['saml:Advice', 'x', 'samlp:Extensions', 'ds:Object', 'saml:AttributeValue']);
      const inner = seed.text.slice(span.start, span.end);
      // Copies up to about a megabyte: what a real message could weigh.
      const copies = Math.max(1, Math.min(depth, 500, Math.floor(1_000_000 / Math.max(1, inner.length))));
      const wrapped = rng.chance(0.5) ? `<${tag}>`.repeat(depth) + inner + `</${tag}>`.repeat(depth) : inner.repeat(copies);
      return splice(seed.text, span.start, span.end - span.start, wrapped);
    },
  },
  {
    name: 'entities',
    applies: isXml,
    mutate(rng, seed) {
      const body = seed.text.replace(/^<\?xml[^>]*\?>/, '');
      const tricks = [
        () => `<!DOCTYPE r [<!ENTITY a "${'x'.repeat(100)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>${body.replace('>', '>&b;')}`,
        () => `<!DOCTYPE r SYSTEM "file:///etc/passwd">${body}`,
        () => body.replace(/>([^<]{1,40})</, `>$1&#x41;&#65;&lt;&unknown;<`),
        () => body.replace(/>([^<]{1,40})</, `>$1${'&amp;'.repeat(2000)}<`),
        () => body.replace(/="([^"]*)"/, `="$1&#x${rng.pick(['0', 'D800', '110000', 'FFFE', '85', '2028'])};"`),
        () => `<?xml version="${rng.pick(['1.1', '2.0', ''])}" encoding="${rng.pick(['UTF-16', 'ISO-8859-1', 'bogus'])}"?>${body}`,
        () => body.replace(/>([^<]{1,40})</, `><![CDATA[$1]]><!--x--><?pi x?><`),
      ];
      return rng.pick(tricks)();
    },
  },
  {
    name: 'huge-attribute',
    applies: isXml,
    mutate(rng, seed) {
      const size = rng.pick([10_000, 200_000, 2_000_000]);
      if (rng.chance(0.5)) return seed.text.replace(/(<[A-Za-z][^>\s]*)/, `$1 Huge="${'A'.repeat(size)}"`);
      // Up to 5,000 Attribute elements: AD FS can send an attribute per group, and thousands of groups exist.
      const many = Array.from({ length: rng.pick([100, 1000, 3000]) }, (_, i) => `<saml:Attribute Name="a${i % 7}"><saml:AttributeValue>${'v'.repeat(rng.int(50))}</saml:AttributeValue></saml:Attribute>`).join('');
      return seed.text.includes('</saml:AttributeStatement>') ? seed.text.replace('</saml:AttributeStatement>', `${many}</saml:AttributeStatement>`) : seed.text.replace(/(<[A-Za-z][^>]*>)/, `$1${'x'.repeat(size)}`);
    },
  },
  {
    name: 'structure',
    applies: isXml,
    mutate(rng, seed) {
      const span = elementSpan(rng, seed.text);
      if (!span) return seed.text;
      const el = seed.text.slice(span.start, span.end);
      const op = rng.int(4);
      if (op === 0) return splice(seed.text, span.start, el.length, '');
      if (op === 1) return splice(seed.text, span.end, 0, el);
      if (op === 2) return splice(seed.text, span.start, el.length, el.replace(/ [A-Za-z:]+="[^"]*"/, ''));
      const other = elementSpan(rng, seed.text);
      if (!other || other.start >= span.start) return seed.text;
      return splice(seed.text, other.start, 0, el);
    },
  },
  {
    // Object.prototype's names where the input names something (an algorithm, a status code, an element or
    // attribute, a form field, a header): each must read as an unknown name, never as a table's entry.
    name: 'prototype-names',
    applies: () => true,
    mutate(rng, seed) {
      const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
      const spans: Array<{ start: number; end: number }> = [];
      // Whole quoted values (attribute values, JSON strings) and name-like words.
      for (const m of seed.text.matchAll(/"([^"\\<>]{1,200})"|[A-Za-z_][\w.-]{1,60}/g)) {
        const quoted = m[1] !== undefined;
        spans.push({ start: m.index + (quoted ? 1 : 0), end: m.index + m[0].length - (quoted ? 1 : 0) });
      }
      let t = seed.text;
      // From the end, so the earlier spans keep their offsets.
      const chosen = Array.from({ length: 1 + rng.int(3) }, () => rng.pick(spans)).sort((a, b) => b.start - a.start);
      let before = Infinity;
      for (const s of chosen) {
        if (s.end > before) continue;
        t = splice(t, s.start, s.end - s.start, rng.pick(names));
        before = s.start;
      }
      return t;
    },
  },
  {
    name: 'har-types',
    applies: (s) => s.kind === 'har',
    mutate(rng, seed) {
      const har = JSON.parse(seed.text) as unknown;
      const wrong = [null, 0, -1, 1e308, true, 'x', [], {}, [null], { text: 5 }, 'A'.repeat(100_000)];
      const paths: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
      const walk = (v: unknown) => {
        if (Array.isArray(v)) {
          v.forEach((x, i) => {
            paths.push({ parent: v, key: i });
            walk(x);
          });
        } else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v)) {
            paths.push({ parent: v as Record<string, unknown>, key: k });
            walk(x);
          }
        }
      };
      walk(har);
      for (let n = 1 + rng.int(5); n > 0 && paths.length; n--) {
        const { parent, key } = rng.pick(paths);
        if (rng.chance(0.2) && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key as string];
        else (parent as Record<string | number, unknown>)[key] = rng.pick(wrong);
      }
      return JSON.stringify(har);
    },
  },
];
