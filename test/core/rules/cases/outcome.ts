// Rules about how a flow ended, read from the HTTP answers around its messages.
import type { TraceEntry } from '../../../../lib/core/model';
import { authnRequest, at, cleanFlow, redirectEntry, TRUST } from '../build';
import type { RuleCase } from './types';

const ENTRA_SSO = 'https://login.microsoftonline.com/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/saml2';

/** The AuthnRequest sent to Entra ID, answered by the page in `body`. */
function entraAnswered(body: string): TraceEntry[] {
  const request = redirectEntry('SAMLRequest', authnRequest({ destination: ENTRA_SSO }), ENTRA_SSO, at(-2));
  return [{ ...request, responseStatus: 200, responseBody: { text: body, mimeType: 'text/html' } }];
}

/** The clean flow, the ACS answering as given. */
function acsAnswered(answer: Partial<TraceEntry>): TraceEntry[] {
  const [request, response] = cleanFlow();
  return [request!, { ...response!, ...answer }];
}

export const outcomeCases: Record<string, RuleCase> = {
  'idp-refused': {
    fires: {
      entries: () =>
        entraAnswered(
          "<html><body><h1>Sign in</h1><p>Sorry, but we're having trouble signing you in.</p><p>AADSTS700016: Application with identifier 'https://sp.example.test/metadata' was not found in the directory 'Contoso'.</p></body></html>",
        ),
      options: TRUST,
    },
    severity: 'error',
    says: /"https:\/\/sp\.example\.test\/metadata" \(the Issuer of this AuthnRequest\) is not the Identifier \(Entity ID\) of any enterprise application/,
    // The sign-in page itself: the user has not finished, nothing was refused.
    quiet: { entries: () => entraAnswered('<html><body><form method="post"><input type="email" name="loginfmt"></form></body></html>'), options: TRUST },
  },
  'sp-refused': {
    fires: { entries: () => acsAnswered({ responseStatus: 500, responseStatusText: 'Internal Server Error' }), options: TRUST },
    severity: 'error',
    says: /its ACS https:\/\/sp\.example\.test\/acs answered HTTP 500/,
    quiet: { entries: () => acsAnswered({ responseStatus: 302, redirectUrl: 'https://sp.example.test/home', responseHeaders: [{ name: 'Location', value: '/home' }] }), options: TRUST },
  },
};


