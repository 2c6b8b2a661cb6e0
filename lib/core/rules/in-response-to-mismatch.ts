import type { Earlier } from '../flow';
import type { CheckRule, Hit } from './rule';
import { rootPath } from './context';
import { envelopeNote, listSome } from './helpers';

export const inResponseToMismatch: CheckRule = {
  slug: 'in-response-to-mismatch',
  severity: 'error',
  title: 'InResponseTo matches no captured request',
  why: 'InResponseTo ties a response to the request the SP sent. The SP accepts it only if it matches a request it is still waiting for. A mismatch means the response answers another (older, or another browser\'s) request, the SP lost its session state between request and response (cookies blocked, load balancer without sticky sessions, several SP instances), or the response was replayed.',
  fix: {
    general:
      'Start the login once more from the SP in a single tab and capture the whole flow.\nIf it still differs, check the SP keeps the request ID across the redirect (SameSite cookie settings for a cross-site POST, sticky sessions or a shared session store behind a load balancer).\nIf the IdP rewrites InResponseTo, it is misbehaving; report it to its vendor.',
  },
  spec: 'saml-core §3.2.2 (InResponseTo); saml-profiles §4.1.4.2 and §4.1.4.3',
  check(ctx) {
    const view = ctx.view;
    if (!view || (view.kind !== 'Response' && view.kind !== 'LogoutResponse')) return [];
    const hits: Hit[] = [];
    const irt = view.inResponseTo;
    const earlier = view.kind === 'Response' ? ctx.flow.earlier.authnRequests : ctx.flow.earlier.logoutRequests;
    const requestKind = view.kind === 'Response' ? 'AuthnRequest' : 'LogoutRequest';
    if (irt && !ctx.flow.request && earlier.count) {
      hits.push({
        message: `InResponseTo "${irt}" matches none of the ${earlier.count} ${requestKind}${earlier.count === 1 ? '' : 's'} captured before it in this trace (ID ${someIds(earlier)})${envelopeNote(ctx)}.`,
        location: rootPath(view),
      });
    }
    const a = ctx.identity;
    const confirmations = a?.confirmations ?? [];
    // One confirmation answering the same request as the envelope is what the SP needs.
    if (irt && confirmations.some((c) => c.inResponseTo === irt)) return hits;
    for (const c of confirmations) {
      if (c.inResponseTo && irt && c.inResponseTo !== irt) {
        hits.push({
          message: `The signed assertion answers request "${c.inResponseTo}" (SubjectConfirmationData InResponseTo) but the Response envelope says "${irt}".`,
          location: c.path,
        });
      } else if (c.inResponseTo && !ctx.flow.request && !irt && ctx.flow.earlier.authnRequests.count) {
        hits.push({
          message: `SubjectConfirmationData InResponseTo "${c.inResponseTo}" matches none of the AuthnRequests captured before it (ID ${someIds(ctx.flow.earlier.authnRequests)}).`,
          location: c.path,
        });
      }
    }
    return hits;
  },
};

function someIds(earlier: Earlier): string {
  return listSome(earlier.firstIds(3), 3, earlier.idCount);
}
