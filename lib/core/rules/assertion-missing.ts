import type { CheckRule } from './rule';
import { rootPath } from './context';
import { isSuccessResponse } from './helpers';

export const assertionMissing: CheckRule = {
  slug: 'assertion-missing',
  severity: 'error',
  title: 'Successful Response without an assertion',
  why: 'A Response with status Success must carry exactly one assertion (or encrypted assertion) as its direct child; that is where the user is. Without one the SP has no identity to log in. An assertion found only somewhere else in the document (inside Advice, Extensions or a signature) does not count and is a wrapping sign.',
  fix: {
    general: 'Check the IdP application configuration and logs; a proxy that strips or moves the assertion is another cause.',
  },
  spec: 'saml-profiles §4.1.4.2; saml-core §3.3.3',
  check(ctx) {
    const view = ctx.view;
    if (!view || view.kind !== 'Response' || !isSuccessResponse(view)) return [];
    const placed = view.assertions.some((a) => a.expectedPlace) || view.encryptedAssertions.length > 0;
    if (placed) return [];
    const elsewhere = view.assertions.length ? ` The ${view.assertions.length === 1 ? 'only assertion is' : 'assertions are'} at ${view.assertions.map((a) => a.path).join(', ')}, not a direct child of the Response.` : '';
    return [{ message: `The Response says Success but carries no assertion.${elsewhere}`, location: rootPath(view) }];
  },
};
