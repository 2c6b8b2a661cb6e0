import type { CheckRule } from './rule';
import { BEARER, isSuccessResponse } from './helpers';

export const bearerConfirmationMissing: CheckRule = {
  slug: 'bearer-confirmation-missing',
  severity: 'warning',
  title: 'No bearer SubjectConfirmation',
  why: 'In browser SSO the assertion must say how the subject is confirmed with a bearer SubjectConfirmation, which carries the Recipient, NotOnOrAfter and InResponseTo the SP checks. SPs that follow the profile refuse an assertion without one.',
  fix: {
    general: 'Configure the IdP application for SAML 2.0 Web Browser SSO (not a WS-Trust or holder-of-key token profile); established IdPs add the bearer confirmation automatically.',
  },
  spec: 'saml-profiles §4.1.4.2 (bearer SubjectConfirmation)',
  check(ctx) {
    const view = ctx.view;
    const a = ctx.identity;
    if (!view || !a || !isSuccessResponse(view) || a.confirmations.some((c) => c.method === BEARER)) return [];
    const methods = a.confirmations.map((c) => c.method ?? '(no Method)');
    const found = methods.length ? ` It has ${methods.join(', ')}.` : '';
    return [{ message: `The assertion has no SubjectConfirmation with Method urn:oasis:names:tc:SAML:2.0:cm:bearer.${found}`, location: `${a.path}/Subject` }];
  },
};
