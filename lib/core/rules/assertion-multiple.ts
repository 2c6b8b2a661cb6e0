import type { CheckRule } from './rule';
import { rootPath } from './context';

export const assertionMultiple: CheckRule = {
  slug: 'assertion-multiple',
  severity: 'error',
  title: 'More than one assertion',
  why: 'Web SSO responses from real IdPs carry exactly one assertion. With two, an SP may verify the signature of one and log in the user named in the other, which is how several signature-wrapping bypasses worked.',
  fix: {
    general: 'Treat the message as suspicious. If it really comes from your IdP, configure it to issue one assertion per response.',
  },
  spec: 'saml-profiles §4.1.4.2; saml-sec-consider §6.5',
  check(ctx) {
    const view = ctx.view;
    if (!view || view.kind !== 'Response') return [];
    // Only the Response's own children count: an assertion nested in the Advice of a signed assertion is
    // allowed (saml-core §2.6.3), and one anywhere else is reported by the verifier as signature-wrapping.
    const root = rootPath(view);
    const isChild = (path: string) => path.startsWith(`${root}/`) && !path.slice(root.length + 1).includes('/');
    const paths = [...view.assertions.filter((a) => a.expectedPlace).map((a) => a.path), ...view.encryptedAssertions.map((e) => e.path).filter(isChild)];
    if (paths.length < 2) return [];
    return [{ message: `The Response carries ${paths.length} assertions (${paths.join(', ')}); exactly one is expected.`, location: rootPath(view) }];
  },
};
