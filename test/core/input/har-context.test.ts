// Which HAR entries the reader keeps as a SAML entry's navigation when the file is past its limit: a page the IdP's
// page or its script's JSON answer named is kept on any host; another host's page that nothing named is not.
import { describe, expect, it } from 'vitest';
import { HarContext } from '../../../lib/core/input/har-context';
import type { TraceEntry } from '../../../lib/core/model';

const IDP = 'https://login.microsoftonline.com/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b';
const FEDERATION = 'https://sts.contoso.example/adfs/ls/?client-request-id=4a86&username=dana%40contoso.example';

const raw = (url: string, resourceType: string, mimeType: string, text = '') => ({
  _resourceType: resourceType,
  request: { method: 'GET', url, headers: [] },
  response: { status: 200, headers: [], content: { mimeType, ...(text ? { text } : {}) } },
});

function started(): HarContext {
  const context = new HarContext();
  const request: TraceEntry = { id: 'r', source: 'har', method: 'GET', url: `${IDP}/saml2?SAMLRequest=x`, requestHeaders: [], responseHeaders: [], responseStatus: 200, responseBody: { text: '<form><input name="loginfmt"></form>', mimeType: 'text/html' } };
  context.start(request);
  return context;
}

describe('HarContext: pages named by the IdP', () => {
  it("keeps the page a same-host script answer named (Entra ID's FederationRedirectUrl), not the answer itself", () => {
    const context = started();
    const json = JSON.stringify({ Credentials: { FederationRedirectUrl: FEDERATION } }).replace(/\//g, '\\/');
    expect(context.wants(raw('https://login.microsoftonline.com/common/GetCredentialType', 'fetch', 'application/json', json))).toBe(false);
    expect(context.wants(raw(FEDERATION, 'document', 'text/html', '<p>An error occurred</p>'))).toBe(true);
  });

  it("does not keep another host's page that nothing named", () => {
    const context = started();
    expect(context.wants(raw('https://sts.contoso.example/adfs/ls/?other=1', 'document', 'text/html', '<p>page</p>'))).toBe(false);
  });
});
