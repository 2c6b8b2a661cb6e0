// An Entra ID response (its default claims, signed) posted to Twilio Flex, generated with the test keys.
import type { TraceEntry } from '../../../lib/core/model';
import { TRUST, postEntry, response } from '../rules/build';
import { IDPS } from '../rules/idps';

const entra = IDPS.find((i) => i.name === 'Entra ID')!;
export const SID = 'AC0123456789abcdef0123456789abcdef';
export const FLEX_ACS = `https://iam.twilio.com/v1/Accounts/${SID}/saml2`;
export const FLEX_SP = `https://iam.twilio.com/v1/Accounts/${SID}/saml2/metadata`;
export const FLEX_OPTIONS = { ...TRUST, profile: 'twilio-flex', accountSid: SID };

export const FLEX_FLOW = (): TraceEntry[] => [
  postEntry('SAMLResponse', response({ ...entra.spec, inResponseTo: undefined, destination: FLEX_ACS, audiences: [FLEX_SP] }, ['root', 'assertion']), FLEX_ACS),
];
