import type { CheckRule, Hit } from './rule';
import { rootPath } from './context';

export const issuerMissing: CheckRule = {
  slug: 'issuer-missing',
  severity: 'error',
  title: 'Issuer missing',
  why: 'The Issuer names the entity that sent the message; the receiver uses it to pick the trusted certificate and configuration. An assertion, an AuthnRequest and a logout message must carry one. A Response may omit its own Issuer only when it is not signed, yet some SPs (Twilio Flex) compare the Response Issuer with their configuration and refuse a Response without one.',
  fix: {
    general: 'Configure the sender to include its entity ID as Issuer. Established IdPs always do; a missing Issuer usually means custom code or a proxy that rewrites messages.',
  },
  spec: 'saml-core §2.3.3 (Assertion Issuer required); saml-profiles §4.1.4.1, §4.1.4.2, §4.4.4.1',
  check(ctx) {
    const view = ctx.view;
    if (!view) return [];
    const hits: Hit[] = [];
    const root = rootPath(view);
    if (view.kind === 'Response' && !view.issuer) {
      if (ctx.profile.requireResponseIssuer) {
        hits.push({ message: `The Response has no Issuer of its own; ${ctx.profile.name} compares it with the configured IdP issuer.`, location: root });
      } else if (ctx.signed.root || view.encryptedAssertions.length) {
        hits.push({
          message: 'The Response is signed (or carries an encrypted assertion) but has no Issuer of its own, which SAML requires in that case.',
          location: root,
          severity: 'warning',
        });
      }
    }
    if (['AuthnRequest', 'LogoutRequest', 'LogoutResponse'].includes(view.kind) && !view.issuer) {
      hits.push({ message: `The ${view.kind} has no Issuer, so the receiver cannot tell who sent it.`, location: root });
    }
    const a = ctx.identity;
    if (a && !a.issuer) hits.push({ message: 'The Assertion has no Issuer, which SAML requires.', location: a.path });
    return hits;
  },
};
