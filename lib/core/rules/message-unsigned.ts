import type { CheckRule, Hit } from './rule';
import { rootPath } from './context';
import { DOCS } from '../idp/docs';

const SP_SIGNS_LOGOUT =
  "The SP sent this message, so the SP signs it: turn on signing of logout messages in the SP's SAML settings (a signed query with SigAlg and Signature for HTTP-Redirect, an XML signature for HTTP-POST), and give the IdP the SP's signing certificate so it can check them.";

export const messageUnsigned: CheckRule = {
  slug: 'message-unsigned',
  severity: 'error',
  title: 'Message not signed, or no signature counts',
  why: 'Neither the Response nor its assertion carries a signature that counts (one that is refused, does not verify, or was made with another key than the trusted certificate counts as none), so anyone can write a response claiming to be any user and the SP has no way to tell. No SP should accept it. The same holds for a SAML 1.1 or 2.0 token delivered through WS-Federation (wresult) or a WS-Trust response: the token is all there is, so an unsigned one says nothing about who issued it. Unsigned logout messages let anyone log a user out or forge a logout result. A Response carried in an ArtifactResponse with no signature anywhere is a warning: only the authenticated back channel between SP and IdP, which a capture cannot show, vouches for it.',
  fix: {
    general:
      'Turn signing on at the IdP: at least the assertion, preferably the Response and the assertion. Then make sure the SP requires a signature.\nIf the message does carry a signature, fix what its signature finding names (the trusted certificate, a rollover, the structure); a message signed with any other key than the IdP\'s is not from your IdP.',
    'entra-id': 'Entra ID always signs the response, the assertion or both; if this response claims to come from Entra ID, it did not. Check the capture and the Issuer.',
    adfs: 'Run `Set-AdfsRelyingPartyTrust -TargetIdentifier <SP entity ID> -SamlResponseSignature MessageAndAssertion`.',
    okta: 'Applications > your app > General > SAML Settings > Edit > Show Advanced Settings: Response "Signed" and Assertion Signature "Signed".',
    google: 'Google always signs the assertion or, with "Signed response" ticked, the entire response; if this response claims to come from Google, it did not. Check the capture and the Issuer.',
    onelogin: 'Applications > your app > Configuration tab: set "SAML signature element".',
    ping: 'PingFederate: SP connection > Protocol Settings > Signature Policy: sign the SAML assertion; Digital Signature Settings: pick the signing certificate.',
    keycloak: 'Clients > your client > Settings > Signature and Encryption: "Sign documents" and "Sign assertions" On.',
    shibboleth: 'In conf/relying-party.xml, the SAML2.SSO profile for this SP: `p:signResponses="true"` (the default) and `p:signAssertions="true"`.',
    simplesamlphp: 'In the SP\'s entry in metadata/saml20-sp-remote.php: `\'saml20.sign.response\' => true` and `\'saml20.sign.assertion\' => true` (both the default).',
    sources: {
      'entra-id': [DOCS.entraSigning],
      adfs: [DOCS.adfsRpTrustCmdlet],
      okta: [DOCS.oktaSamlReference],
      google: [DOCS.googleCustomApp],
      onelogin: [DOCS.oneloginGuideWorkstars],
      ping: [DOCS.pingSigning],
      keycloak: [DOCS.keycloakSamlClient],
      shibboleth: [DOCS.shibSso],
      simplesamlphp: [DOCS.sspSpRemote],
    },
  },
  spec: 'saml-profiles §4.1.3.5 and §4.1.4.2 (assertions must be signed when delivered by POST); saml-profiles §4.4.4.1 (logout messages must be signed)',
  check(ctx) {
    const view = ctx.view;
    if (!view) return [];
    const where = rootPath(view);
    const hits: Hit[] = [];
    // A signature that is present but does not count (refused, invalid, not checked, or made with another key
    // than the trusted one) proves nothing: the message is judged as unsigned, in words that say why.
    const carried = ctx.carries.root || ctx.carries.identity;
    const noneCounts = carried ? ' carries a signature, but none counts (see the signature findings: refused, not verified or not made with the trusted certificate)' : '';
    if (view.kind === 'Response') {
      if (view.assertions.length > 0 && !ctx.signed.root && !ctx.signed.identity) {
        hits.push({
          message: carried
            ? `The Response${noneCounts}: nothing proves who issued it or that it was not changed.`
            : 'Neither the Response nor its Assertion is signed: nothing proves who issued it or that it was not changed.',
          location: where,
        });
      }
    } else if (view.kind === 'ArtifactResponse') {
      // saml-bindings §3.6.5.2: the artifact exchange is authenticated by the back channel (mutual TLS or signed
      // ArtifactResolve/ArtifactResponse), so an unsigned Response inside may be accepted by an SP that trusts
      // that channel; nothing in the message itself says who wrote it, and a capture cannot show the channel.
      if (view.assertions.length > 0 && !ctx.signed.root && !ctx.signed.identity && !ctx.signed.carried) {
        hits.push({
          message: `Neither the ArtifactResponse, the Response it carries nor its Assertion ${carried || ctx.carries.carried ? 'carries a signature that counts' : 'is signed'}: only an authenticated back channel (mutual TLS between SP and IdP) can vouch for it, and anyone can write one naming any user.`,
          location: where,
          severity: 'warning',
        });
      }
    } else if (view.kind === 'Assertion') {
      // A token delivered by WS-Federation or WS-Trust has nothing around it that could be signed instead.
      const via = ctx.message.binding === 'WS-Fed' ? 'WS-Federation wresult' : view.wrapper === 'WS-Trust' ? 'WS-Trust response' : undefined;
      if (!ctx.signed.root && via) {
        hits.push({
          message: `The SAML ${view.samlVersion ?? '2.0'} token in the ${via}${noneCounts || ' is not signed'}: nobody can tell who issued it, and anyone can write one naming any user.`,
          location: where,
        });
      } else if (!ctx.signed.root && ctx.message.binding !== 'Pasted') {
        // Posted to an SP as its SAML message (a bare assertion as SAMLResponse): what the SP would read is
        // this token alone. A SAML 2.0 SP expects a Response around it and should refuse it either way.
        hits.push({
          message: `The assertion delivered as ${ctx.message.parameter}${noneCounts || ' is not signed'}, and nothing around it is: nobody can tell who issued it, and anyone can write one naming any user (an SP expects a Response here).`,
          location: where,
        });
      } else if (!ctx.signed.root) {
        hits.push({ message: `The assertion${noneCounts || ' is not signed'}: nothing proves who issued it.`, location: where, severity: 'warning' });
      }
    } else if (view.kind === 'LogoutRequest' || view.kind === 'LogoutResponse') {
      // A query signature without the signer's certificate cannot be checked at all; the verifier says so, and
      // for these warnings that is the whole story (a Response gets no such leniency: above).
      const onlyUncheckable = carried && ctx.signatures.length > 0 && ctx.signatures.every((v) => v.failure === 'no-key');
      if (!ctx.signed.root && !onlyUncheckable) {
        hits.push({
          message: carried
            ? `The ${view.kind}${noneCounts}; the receiver cannot tell whether it is genuine.`
            : `The ${view.kind} is not signed (no XML signature and no signed HTTP-Redirect query); the receiver cannot tell whether it is genuine.`,
          location: where,
          severity: 'warning',
          // Sent by the SP: the IdP's signing settings (the rule's fixes) have nothing to do with it.
          ...(ctx.flow.direction === 'to-idp' ? { ownFix: { product: 'general' as const, text: SP_SIGNS_LOGOUT } } : {}),
        });
      }
    } else if (view.kind === 'AuthnRequest' && ctx.expect.idpWantsRequestsSigned && !ctx.signed.root) {
      hits.push({
        message: `The AuthnRequest ${carried ? 'carries no signature that counts' : 'is not signed'}, but the IdP metadata says WantAuthnRequestsSigned="true"; the IdP will probably reject it.`,
        location: where,
        severity: 'warning',
      });
    } else if (view.kind === 'AuthnRequest' && ctx.expect.spSignsRequests && !ctx.carries.root) {
      hits.push({
        message: 'The AuthnRequest is not signed, but the SP metadata says AuthnRequestsSigned="true": the SP is not signing as it announced, or this request did not come from it.',
        location: where,
        severity: 'warning',
      });
    }
    return hits;
  },
};
