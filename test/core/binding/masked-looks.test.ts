import { describe, expect, it } from 'vitest';
import { extractMessages, looksLikeSaml } from '../../../lib/core/binding';
import { b64, entry, LOGOUT_RESPONSE } from './helpers';

describe('masked values (SAML-tracer "mask values")', () => {
  it('uses the XML the capturing tool stored when the form value is a hash', () => {
    const e = entry({
      source: 'saml-tracer',
      method: 'POST',
      url: 'https://sp/acs',
      formFields: [['SAMLResponse', '{hash:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08}']],
      masked: true,
      savedXml: LOGOUT_RESPONSE,
    });
    const [m] = extractMessages(e);
    expect(m).toMatchObject({ binding: 'HTTP-POST', parameter: 'SAMLResponse', xml: LOGOUT_RESPONSE, problems: [] });
    expect(m?.steps.map((s) => s.name)).toEqual(['form field SAMLResponse', 'saved XML']);
  });

  it('says so when a masked value has no stored XML', () => {
    const [m] = extractMessages(
      entry({ method: 'POST', url: 'https://sp/acs', formFields: [['SAMLResponse', '{obf:alternative_3}']], masked: true }),
    );
    expect(m?.xml).toBeUndefined();
    expect(m?.problems[0]?.rule).toBe('decode-failed');
    expect(m?.problems[0]?.message).toMatch(/masked .* no decoded XML/);
  });

  it('falls back to the stored XML when the post data was overwritten entirely', () => {
    const [m, ...rest] = extractMessages(
      entry({ source: 'saml-tracer', method: 'POST', url: 'https://sp/slo', masked: true, savedXml: LOGOUT_RESPONSE }),
    );
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ binding: 'HTTP-POST', parameter: 'SAMLResponse', xml: LOGOUT_RESPONSE });
  });
});

describe('looksLikeSaml', () => {
  it.each([
    ['Redirect query', entry({ url: 'https://idp/sso?SAMLRequest=abc' })],
    ['artifact query', entry({ url: 'https://sp/acs?x=1&SAMLart=abc' })],
    ['POST form', entry({ method: 'POST', url: 'https://sp/acs', formFields: [['SAMLResponse', b64('x')]] })],
    ['WS-Fed form', entry({ method: 'POST', url: 'https://sp/', formFields: [['wa', 'wsignin1.0'], ['wresult', '<x/>']] })],
    ['SOAP body', entry({ method: 'POST', url: 'https://idp/ars', body: '<a xmlns="urn:oasis:names:tc:SAML:2.0:protocol"/>' })],
    ['stored XML', entry({ url: 'https://sp/x', savedXml: '<x/>' })],
  ])('%s: yes', (_n, e) => {
    expect(looksLikeSaml(e)).toBe(true);
  });

  it.each([
    ['plain page', entry({ url: 'https://sp/app?page=SAMLRequest' })],
    ['JSON API', entry({ method: 'POST', url: 'https://x/api', body: '{"SAMLResponse": false}' })],
    ['wresult without wa', entry({ method: 'POST', url: 'https://x/', formFields: [['wresult', '<x/>']] })],
  ])('%s: no', (_n, e) => {
    expect(looksLikeSaml(e)).toBe(false);
  });
});
