import type { CheckRule } from './rule';
import { rootPath } from './context';
import { envelopeNote, sameId } from './helpers';

export const issuerInconsistent: CheckRule = {
  slug: 'issuer-inconsistent',
  severity: 'error',
  title: 'Response and Assertion issuers differ',
  why: 'A Response and the assertion it carries come from the same IdP and name the same Issuer. Different values mean the Response was assembled from parts of different messages (a proxy bug or a forged envelope around a genuine assertion), and SPs that check both refuse it.',
  fix: {
    general: 'If a proxy or broker sits between IdP and SP, make it keep both issuers consistent. Otherwise treat the message as tampered with.',
  },
  spec: 'saml-profiles §4.1.4.2',
  check(ctx) {
    const view = ctx.view;
    const a = ctx.identity;
    if (!view || view.kind !== 'Response' || !a?.issuer || !view.issuer || sameId(view.issuer, a.issuer)) return [];
    return [
      {
        message: `Response Issuer "${view.issuer}" differs from Assertion Issuer "${a.issuer}"${envelopeNote(ctx)}.`,
        location: `${rootPath(view)}/Issuer`,
      },
    ];
  },
};
