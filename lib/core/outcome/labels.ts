import type { FlowOutcome, IdpRecognition } from '../idp/product';
import { IDP_NAMES } from '../idp/product';

/** How a flow ended, in words for flow headers (CLI, panel, viewer). */
export const OUTCOME_LABEL: Record<FlowOutcome, string> = {
  'signed-in': 'signed in',
  'refused-by-idp': 'refused by the IdP',
  'refused-by-sp': 'refused by the SP',
  abandoned: 'no Response (abandoned)',
  unknown: 'outcome unknown',
};

/** The product's name, or "IdP not recognised". */
export function idpLabel(idp: IdpRecognition | undefined): string {
  return idp && idp.product !== 'unknown' ? IDP_NAMES[idp.product] : 'IdP not recognised';
}
