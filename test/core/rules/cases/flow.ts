// Rules across a flow: destination, recipient, audience, InResponseTo, unsolicited responses, time.
import { ACS, TRUST, at, authnRequest, cleanFlow, postEntry, redirectEntry, response, SSO } from '../build';
import type { RuleCase } from './types';

export const flowCases: Record<string, RuleCase> = {
  'federation-hop': {
    // A Response posted to an Okta org (its inbound federation endpoint), not to the configured ACS.
    fires: { entries: () => [postEntry('SAMLResponse', response({ destination: 'https://example.okta.com/sso/saml2/0oa1', inResponseTo: undefined }), 'https://example.okta.com/sso/saml2/0oa1')], options: { ...TRUST, acsUrl: ACS } },
    severity: 'info',
    says: /delivered to example\.okta\.com \(Okta\), not to the SP/,
    quiet: { entries: () => cleanFlow(), options: { ...TRUST, acsUrl: ACS } },
  },
  'audience-mismatch': {
    fires: { entries: () => cleanFlow({ audiences: ['https://other-sp.example.test/'] }), options: TRUST },
    severity: 'error',
    says: /Issuer of the AuthnRequest in this flow/,
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'destination-mismatch': {
    fires: { entries: () => cleanFlow({ destination: 'https://sp.example.test/acs/' }), options: TRUST },
    severity: 'error',
    says: /"https:\/\/sp\.example\.test\/acs\/" is not the URL it was actually sent to, "https:\/\/sp\.example\.test\/acs"/,
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'recipient-mismatch': {
    fires: { entries: () => cleanFlow({ recipient: 'http://sp.example.test/acs' }), options: TRUST },
    severity: 'error',
    quiet: { entries: () => cleanFlow(), options: { ...TRUST, acsUrl: ACS } },
  },
  'in-response-to-mismatch': {
    fires: { entries: () => cleanFlow({ inResponseTo: '_someOtherRequest' }), options: TRUST },
    severity: 'error',
    says: /"_someOtherRequest" matches none of the 1 AuthnRequest captured before it in this trace \(ID "_req1"\)/,
    // Without a captured AuthnRequest there is nothing to compare with.
    quiet: { entries: () => [postEntry('SAMLResponse', response({ inResponseTo: '_someOtherRequest' }))], options: TRUST },
  },
  'unsolicited-response': {
    fires: { entries: () => [postEntry('SAMLResponse', response({ inResponseTo: undefined }))], options: TRUST },
    severity: 'warning',
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'assertion-expired': {
    fires: { entries: () => [redirectEntry('SAMLRequest', authnRequest(), SSO, at(-2)), postEntry('SAMLResponse', response(), ACS, at(3600))], options: TRUST },
    severity: 'error',
    says: /NotOnOrAfter 2027-03-01T10:05:00Z is 55 min before the capture time/,
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'assertion-not-yet-valid': {
    fires: { entries: () => [postEntry('SAMLResponse', response(), ACS, at(-3600))], options: TRUST },
    severity: 'error',
    quiet: { entries: () => [postEntry('SAMLResponse', response(), ACS, at(2))], options: TRUST },
  },
  'clock-skew': {
    // Issued 4 minutes "after" capture; NotBefore (issue - 5 min) is still before capture.
    fires: { entries: () => [postEntry('SAMLResponse', response(), ACS, at(-240))], options: TRUST },
    severity: 'warning',
    says: /4 min after the capture time/,
    quiet: { entries: () => [postEntry('SAMLResponse', response(), ACS, at(-60))], options: TRUST },
  },
  'time-reference-missing': {
    fires: { text: () => response(), options: TRUST },
    severity: 'info',
    quiet: { text: () => response(), options: { ...TRUST, at: '2027-03-01T10:00:02Z' } },
  },
};
