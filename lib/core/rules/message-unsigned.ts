import type { CheckRule, Hit } from './rule';
import { rootPath } from './context';

export const messageUnsigned: CheckRule = {
  slug: 'message-unsigned',
  severity: 'error',
  title: 'Message not signed at all',
  why: 'Neither the Response nor its assertion carries a signature, so anyone can write a response claiming to be any user and the SP has no way to tell. No SP should accept it. Unsigned logout messages let anyone log a user out or forge a logout result.',
  fix: {
    general:
      'Turn signing on at the IdP: at least the assertion, preferably the Response and the assertion. Then make sure the SP requires a signature.',
    entra:
      'Entra ID always signs; if this response claims to come from Entra ID, it did not. Check the capture and the Issuer.',
    okta: 'Applications > your app > General > SAML Settings > Edit > Show Advanced Settings: Response "Signed" and Assertion Signature "Signed".',
    adfs: 'Run `Set-AdfsRelyingPartyTrust -TargetIdentifier <SP entity ID> -SamlResponseSignature MessageAndAssertion`',
  },
  spec: 'saml-profiles §4.1.3.5 and §4.1.4.2 (assertions must be signed when delivered by POST); saml-profiles §4.4.4.1 (logout messages must be signed)',
  check(ctx) {
    const view = ctx.view;
    if (!view) return [];
    const where = rootPath(view);
    const hits: Hit[] = [];
    if (view.kind === 'Response') {
      const visible = view.assertions.length > 0;
      const anyAssertionSigned = view.signatures.some((s) => view.assertions.some((a) => a.path === s.parentPath));
      if (visible && !ctx.signed.root && !ctx.signed.identity && !anyAssertionSigned) {
        hits.push({ message: 'Neither the Response nor its Assertion is signed: nothing proves who issued it or that it was not changed.', location: where });
      }
    } else if (view.kind === 'Assertion') {
      if (!ctx.signed.root) hits.push({ message: 'The assertion is not signed: nothing proves who issued it.', location: where, severity: 'warning' });
    } else if (view.kind === 'LogoutRequest' || view.kind === 'LogoutResponse') {
      if (!ctx.signed.root) {
        hits.push({
          message: `The ${view.kind} is not signed (no XML signature and no signed HTTP-Redirect query); the receiver cannot tell whether it is genuine.`,
          location: where,
          severity: 'warning',
        });
      }
    } else if (view.kind === 'AuthnRequest' && ctx.expect.idpWantsRequestsSigned && !ctx.signed.root) {
      hits.push({
        message: 'The AuthnRequest is not signed, but the IdP metadata says WantAuthnRequestsSigned="true"; the IdP will probably reject it.',
        location: where,
        severity: 'warning',
      });
    } else if (view.kind === 'AuthnRequest' && ctx.expect.spSignsRequests && !ctx.signed.root) {
      hits.push({
        message: 'The AuthnRequest is not signed, but the SP metadata says AuthnRequestsSigned="true": the SP is not signing as it announced, or this request did not come from it.',
        location: where,
        severity: 'warning',
      });
    }
    return hits;
  },
};
