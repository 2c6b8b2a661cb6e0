// The flow header in the panel and the viewer names the IdP product and how the flow ended (issue 8).
import { describe, expect, it } from 'vitest';
import type { FlowReport } from '../../lib/core/model';
import { FlowRowView } from '../../lib/ui/components/MessageRows';
import { allHosts, allText, expand } from './expand';

function header(flow: Partial<FlowReport>) {
  const row = {
    type: 'flow' as const,
    key: 'f:flow-1',
    flow: { id: 'flow-1', messages: [0], kind: 'sp-initiated' as const, ...flow },
    correlation: { text: 'AuthnRequest _r1' },
    count: 1,
  };
  return expand(<FlowRowView row={row} />);
}

describe('flow header', () => {
  it('names the recognised IdP product, says what it was recognised from, and shows a refusal as such', () => {
    const out = header({
      idp: { product: 'entra-id', evidence: ['Issuer https://sts.windows.net/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/'] },
      outcome: 'refused-by-idp',
    });
    const text = allText(out);
    expect(text).toContain('Microsoft Entra ID');
    expect(text).toContain('refused by the IdP');
    const idp = allHosts(out).find((h) => h.props['class'] === 'sl-flow-idp')!;
    expect(idp.props['title']).toContain('Issuer https://sts.windows.net/');
    expect(allHosts(out).some((h) => h.props['class'] === 'sl-outcome sl-outcome-refused-by-idp')).toBe(true);
  });

  it('says when neither the product nor the outcome is known (a report from before issue 8 included)', () => {
    expect(allText(header({}))).toContain('IdP not recognised');
    expect(allText(header({}))).toContain('outcome unknown');
    expect(allText(header({ idp: { product: 'okta', evidence: ['Issuer http://www.okta.com/exk1'] }, outcome: 'signed-in' }))).toMatch(/Okta.*signed in/);
  });
});

describe('captured response body in the HTTP view', () => {
  it('is shown as text, never as markup', async () => {
    const { HttpView } = await import('../../lib/ui/components/HttpView');
    const { CopyButton } = await import('../../lib/ui/components/CopyButton');
    const page = '<html><body><img src=x onerror=alert(1)><p>AADSTS700016: Application with identifier</p></body></html>';
    const out = expand(
      <HttpView
        entry={{ id: 'e1', source: 'har', method: 'GET', url: 'https://login.microsoftonline.com/t/saml2', requestHeaders: [], responseHeaders: [], responseStatus: 200, responseBody: { text: page, mimeType: 'text/html', truncated: true } }}
      />,
      new Set([CopyButton]),
    );
    const text = allText(out);
    expect(text).toContain('only its beginning was kept');
    expect(text).toContain('AADSTS700016');
    expect(allHosts(out).some((h) => h.tag === 'img')).toBe(false);
  });
});
