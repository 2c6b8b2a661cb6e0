import type { SignatureVerdict } from '../model';
import type { CheckRule, Hit } from './rule';
import { rootPath } from './context';

const WHAT: Record<string, string> = {
  'SOAP Body': 'messages',
  ArtifactResponse: 'messages',
  RequestSecurityTokenResponse: 'tokens',
};

/** What the signatures found inside one held message say about it. */
function signedState(path: string, signatures: SignatureVerdict[]): string {
  const own = signatures.filter((v) => v.form === 'xml' && (v.target === path || v.target.startsWith(`${path}/`)));
  if (own.length === 0) return 'not signed';
  const bad = own.find((v) => v.status !== 'valid');
  return bad ? `its signature is ${bad.status}` : 'signed, and the signature verifies';
}

export const messageMultiple: CheckRule = {
  slug: 'message-multiple',
  severity: 'error',
  title: 'More than one message where one belongs',
  why: 'A SOAP Body carries one SAML request or response, an ArtifactResponse one SAML message, and a WS-Trust RequestSecurityTokenResponse one token. With two, a receiver that reads only the first, or only the signed one, never judges the other: a forged, unsigned message can travel beside a genuine, signed one and be the one that is used. No IdP or SP sends this; SAML Lens judges every one of them.',
  fix: {
    general:
      'Treat the document as a forgery attempt: nothing legitimate puts two messages or tokens where one belongs.\nMake sure the receiving software rejects such a document instead of picking one of the messages.',
  },
  spec: 'saml-bindings §3.2.3 (one SAML request or response in the SOAP Body); saml-core §3.5.2 (ArtifactResponse carries one message); WS-Trust 1.3 (RequestedSecurityToken holds the one requested token)',
  check(ctx) {
    const view = ctx.view;
    if (!view?.siblings) return [];
    const here = rootPath(view);
    const hits: Hit[] = [];
    for (const o of view.siblings.overfull) {
      const what = WHAT[o.container] ?? 'messages';
      if (o.path === here) {
        // The judged message is the container (an ArtifactResponse): name each message it carries and what signs it.
        const listed = o.holds.map((p) => `${p} (${signedState(p, ctx.signatures)})`).join(', ');
        hits.push({
          message: `The ${o.container} carries ${o.holds.length} ${what} where it may carry one: ${listed}. A receiver that reads only one of them never judges the others.`,
          location: here,
        });
      } else {
        hits.push({
          message: `The ${o.container} at ${o.path} carries ${o.holds.length} ${what} where it may carry one (${o.holds.join(', ')}); this is ${here}. Each is judged here as a message of its own; a receiver that reads only one of them never judges the others.`,
          location: here,
        });
      }
    }
    return hits;
  },
};
