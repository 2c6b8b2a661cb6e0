import { describe, expect, it } from 'vitest';
import { extractMessages } from '../../../lib/core/binding';
import { entry } from './helpers';

const ARTIFACT_RESOLVE =
  '<samlp:ArtifactResolve xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_ar1" Version="2.0" ' +
  'IssueInstant="2026-01-15T10:00:00Z"><samlp:Artifact>AAQAAA==</samlp:Artifact></samlp:ArtifactResolve>';
const SOAP = `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${ARTIFACT_RESOLVE}</soap:Body></soap:Envelope>`;

describe('SOAP', () => {
  it('takes the whole body as the message and notes the envelope', () => {
    const [m, ...rest] = extractMessages(entry({ method: 'POST', url: 'https://idp/ars', body: SOAP }));
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ binding: 'SOAP', parameter: 'body', xml: SOAP, problems: [] });
    expect(m?.steps.map((s) => s.name)).toEqual(['request body', 'soap-unwrap']);
  });

  it('ignores bodies without a SAML protocol namespace', () => {
    expect(extractMessages(entry({ method: 'POST', url: 'https://x/api', body: '{"a":1}' }))).toEqual([]);
    expect(extractMessages(entry({ method: 'POST', url: 'https://x/api', body: '<soap:Envelope/>' }))).toEqual([]);
  });
});

const RSTR =
  '<t:RequestSecurityTokenResponse xmlns:t="http://schemas.xmlsoap.org/ws/2005/02/trust"><t:RequestedSecurityToken>' +
  '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:1.0:assertion" MajorVersion="1" MinorVersion="1" AssertionID="_a1"/>' +
  '</t:RequestedSecurityToken></t:RequestSecurityTokenResponse>';

describe('WS-Federation', () => {
  it('takes wresult as XML text, wctx as the relay state', () => {
    const [m, ...rest] = extractMessages(
      entry({
        method: 'POST',
        url: 'https://sp/wsfed',
        formFields: [['wa', 'wsignin1.0'], ['wresult', RSTR], ['wctx', 'rm=0&id=x']],
      }),
    );
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ binding: 'WS-Fed', parameter: 'wresult', xml: RSTR, relayState: 'rm=0&id=x', problems: [] });
    expect(m?.steps[0]).toEqual({ name: 'form field wresult', note: 'wa=wsignin1.0' });
  });

  it('reads wresult from the query as well', () => {
    const [m] = extractMessages(entry({ url: `https://sp/wsfed?wa=wsignin1.0&wresult=${encodeURIComponent(RSTR)}` }));
    expect(m?.xml).toBe(RSTR);
    expect(m?.steps[0]?.name).toBe('query parameter wresult');
  });
});
