// Issue 17, class 9: an element in a namespace that imitates SAML's is named, never read and never passed over.
import { describe, expect, it } from 'vitest';
import { buildResponse } from '../../../lib/samlgen';
import { parseSaml } from '../../../lib/core/xml';
import { imitatedNamespace } from '../../../lib/core/xml/lookalike';

const P = 'urn:oasis:names:tc:SAML:2.0:protocol';
const A = 'urn:oasis:names:tc:SAML:2.0:assertion';
const A1 = 'urn:oasis:names:tc:SAML:1.0:assertion';

function forged(ns: string, id = '_evil'): string {
  return `<saml:Assertion xmlns:saml="${ns}" ID="${id}" Version="2.0" IssueInstant="2026-01-15T10:00:00Z"><saml:Issuer>https://idp.example.test/metadata</saml:Issuer><saml:Subject><saml:NameID>admin@example.test</saml:NameID></saml:Subject></saml:Assertion>`;
}

function parsed(xml: string) {
  const r = parseSaml(xml);
  if (!r.parsed) throw new Error(JSON.stringify(r.problems));
  return { view: r.parsed.view, lookalikes: r.problems.filter((p) => p.rule === 'namespace-lookalike') };
}

describe('imitatedNamespace', () => {
  it('names the SAML namespace a near miss imitates', () => {
    const cases: Array<[string, string]> = [
      [`${A} `, A],
      [` ${A}`, A],
      ['urn:oasis:names:tc:SAML:2.0:ASSERTION', A],
      ['URN:OASIS:NAMES:TC:SAML:2.0:ASSERTION ', A],
      [`${A}2`, A],
      [`${A}/`, A],
      ['urn:oasis:names:tc:SAML:2.1:assertion', A],
      ['urn:oasis:names:tc:SAML:2.0:asertion', A],
      ['urn:oasis:names:tc:SAML:2.0:\u0430ssertion', A], // Cyrillic а
      [`${P}\t`, P],
      ['urn:oasis:names:tc:SAML:2.0:Protocol', P],
      ['urn:oasis:names:tc:SAML:1.1:assertion', A1],
    ];
    for (const [ns, real] of cases) expect(imitatedNamespace(ns), JSON.stringify(ns)).toBe(real);
  });

  it('leaves the SAML namespaces themselves and other real namespaces alone', () => {
    for (const ns of [
      A,
      P,
      A1,
      'urn:oasis:names:tc:SAML:1.0:protocol',
      'urn:oasis:names:tc:SAML:2.0:metadata',
      'urn:oasis:names:tc:SAML:2.0:protocol:ext:async-slo',
      'urn:oasis:names:tc:SAML:2.0:profiles:SSO:ecp',
      'urn:oasis:names:tc:SAML:metadata:ui',
      'urn:oasis:names:tc:SAML:metadata:attribute',
      'urn:oasis:names:tc:SAML:2.0:ac',
      'http://www.w3.org/2000/09/xmldsig#',
      'http://www.w3.org/2001/04/xmlenc#',
      'http://schemas.xmlsoap.org/soap/envelope/',
      'http://docs.oasis-open.org/ws-sx/ws-trust/200512',
      'urn:example:assertion',
    ]) {
      expect(imitatedNamespace(ns), ns).toBeUndefined();
    }
  });
});

describe('look-alike elements in a message', () => {
  it('a forged assertion beside the real one: one error at its outermost element, with the NameID it carries; never read', () => {
    const xml = buildResponse({ assertionId: '_good' }).replace('<saml:Assertion ', `${forged(`${A} `)}<saml:Assertion `);
    const { view, lookalikes } = parsed(xml);
    expect(lookalikes).toHaveLength(1);
    expect(lookalikes[0]).toMatchObject({ location: '/Response/Assertion[1]' });
    expect(lookalikes[0]!.message).toMatch(/"urn:oasis:names:tc:SAML:2\.0:assertion ".*\(whitespace at the end\).*NameID "admin@example\.test"/);
    expect(view.assertions.map((a) => [a.id, a.expectedPlace, a.nameId?.value])).toEqual([['_good', true, 'alice@example.test']]);
  });

  it('says how the namespace differs', () => {
    const says = (ns: string) => parsed(buildResponse().replace('</samlp:Response>', `${forged(ns)}</samlp:Response>`)).lookalikes[0]!.message;
    expect(says('urn:oasis:names:tc:SAML:2.0:ASSERTION')).toMatch(/other letter case/);
    expect(says(`${A}2`)).toMatch(/"2" added at the end/);
    expect(says('urn:oasis:names:tc:SAML:2.0:\u0430ssertion')).toMatch(/U\+0430/);
  });

  it('a Response in a look-alike protocol namespace, as the root or inside an ArtifactResponse', () => {
    const root = parsed(buildResponse().replace(`xmlns:samlp="${P}"`, `xmlns:samlp="${P} "`));
    expect(root.view.kind).toBe('Unknown');
    expect(root.lookalikes.map((p) => p.location)).toEqual(['/Response']);
    const inner = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:Protocol" ID="_evil-r" Version="2.0">${forged(`${A} `)}</samlp:Response>`;
    const artifact = `<samlp:ArtifactResponse xmlns:samlp="${P}" xmlns:saml="${A}" ID="_ar" Version="2.0" IssueInstant="2026-01-15T10:00:00Z"><saml:Issuer>https://idp.example.test/metadata</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${inner}</samlp:ArtifactResponse>`;
    const r = parsed(artifact);
    expect(r.lookalikes.map((p) => p.location)).toEqual(['/ArtifactResponse/Response']);
    expect(r.lookalikes[0]!.message).toMatch(/other letter case.*admin@example\.test/);
  });

  it('a SAML 1.x assertion inside a SAML 2.0 Response is named; a SAML 1.1 token on its own is not', () => {
    const { view, lookalikes } = parsed(buildResponse().replace('<saml:Assertion ', `${forged(A1)}<saml:Assertion `));
    expect(lookalikes).toHaveLength(1);
    expect(lookalikes[0]!.message).toMatch(/SAML 1\.x namespace .* inside a SAML 2\.0 Response .*admin@example\.test/);
    expect(view.assertions.filter((a) => a.expectedPlace).map((a) => a.nameId?.value)).toEqual(['alice@example.test']);
    const token = `<saml:Assertion xmlns:saml="${A1}" MajorVersion="1" MinorVersion="1" AssertionID="_a11" Issuer="http://adfs.example.test/adfs/services/trust" IssueInstant="2026-01-15T10:00:00Z"><saml:AttributeStatement><saml:Subject><saml:NameIdentifier>carol@example.test</saml:NameIdentifier></saml:Subject></saml:AttributeStatement></saml:Assertion>`;
    expect(parsed(token).lookalikes).toEqual([]);
  });

  it('a clean Response, SAML extension namespaces and signatures raise nothing', () => {
    const xml = buildResponse().replace(
      '<samlp:Status>',
      '<samlp:Extensions><aslo:Asynchronous xmlns:aslo="urn:oasis:names:tc:SAML:2.0:protocol:ext:async-slo"/><mdui:UIInfo xmlns:mdui="urn:oasis:names:tc:SAML:metadata:ui"/></samlp:Extensions><samlp:Status>',
    );
    expect(parsed(xml).lookalikes).toEqual([]);
  });

  it('many forged elements: ten are named, the message is still read', () => {
    const many = Array.from({ length: 30 }, (_, i) => forged(`${A} `, `_e${i}`)).join('');
    const { view, lookalikes } = parsed(buildResponse().replace('</samlp:Response>', `${many}</samlp:Response>`));
    expect(lookalikes).toHaveLength(10);
    expect(view.assertions).toHaveLength(1);
  });
});
