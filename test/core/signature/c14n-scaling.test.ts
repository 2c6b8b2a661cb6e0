// Issue 17, class 11 (bounded time): canonicalisation grows linearly with namespace declarations and the
// PrefixList (it was quadratic: 20,000 prefixes in a 0.8 MB message took over 4 s), and inclusive C14N, done
// by xml-crypto and quadratic there, is refused past its documented limits instead of taking minutes.
import { describe, expect, it } from 'vitest';
import { C14N } from '../../../lib/core/signature/algorithms';
import { canonicalize, INCLUSIVE_LIMITS } from '../../../lib/core/signature/c14n';
import { exclusiveC14n } from '../../../lib/core/signature/c14n-exclusive';
import { parseSaml } from '../../../lib/core/xml';
import { scaling } from '../../bench/scaling';
import { referenceExclusiveC14n } from './c14n-reference';

const P = 'urn:oasis:names:tc:SAML:2.0:protocol';

/**
 * A Response declaring `n` prefixes, and inside it the apex (its Extensions) holding `n` elements that each use
 * one of them in an attribute, with a PrefixList naming them all: every binding is in scope below the apex,
 * and every attribute asks whether its prefix is.
 */
function crowded(n: number): { apex: Element; list: string[] } {
  const decls = Array.from({ length: n }, (_, i) => ` xmlns:o${i}="urn:o${i}"`).join('');
  const uses = Array.from({ length: n }, (_, i) => `<c o${i}:a="${i}"/>`).join('');
  const xml = `<samlp:Response xmlns:samlp="${P}"${decls} ID="_1" Version="2.0"><samlp:Extensions>${uses}</samlp:Extensions></samlp:Response>`;
  const { parsed, problems } = parseSaml(xml);
  if (!parsed) throw new Error(problems.map((p) => p.message).join('; '));
  const apex = parsed.doc.documentElement.firstChild as Element;
  return { apex, list: Array.from({ length: n }, (_, i) => `o${i}`) };
}

describe('canonicalisation in bounded time', () => {
  it('renders 10x the declarations and PrefixList in less than 30x the time', async () => {
    const run = ({ apex, list }: ReturnType<typeof crowded>) => exclusiveC14n(apex, undefined, list);
    const grown = await scaling(run, crowded(1_000), crowded(10_000), 5, 5);
    expect(grown.ratio, JSON.stringify(grown)).toBeLessThan(30);
  });

  it('renders exactly what xml-crypto renders, however many declarations', () => {
    for (const n of [1, 7, 150]) {
      const { apex, list } = crowded(n);
      for (const l of [list, list.slice(0, 3), []]) expect(exclusiveC14n(apex, undefined, l)).toBe(referenceExclusiveC14n(apex, undefined, l));
    }
  });

  it('refuses inclusive C14N past its limits, with the numbers, and does it below them', () => {
    const { apex } = crowded(INCLUSIVE_LIMITS.bindings);
    expect(() => canonicalize(apex, { algorithm: C14N.inclusive })).toThrow(/namespace bindings in scope: inclusive C14N is not attempted past 1000 bindings/);
    const { apex: small } = crowded(5);
    expect(canonicalize(small, { algorithm: C14N.inclusive })).toMatch(/^<samlp:Extensions xmlns:o0="urn:o0" xmlns:o1="urn:o1"/);
  });
});
