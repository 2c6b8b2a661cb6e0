import type { StageRule } from './rule';

export const signatureWrapping: StageRule = {
  slug: 'signature-wrapping',
  severity: 'error',
  raisedBy: 'verifier',
  title: 'Signature wrapping structure',
  why: 'The message has the shape of an XML signature wrapping attack: duplicate IDs, a signature whose Reference points elsewhere than its parent, extra References or transforms, ds:Object/ds:Manifest, an assertion outside the place it belongs, a NameID, Subject, attribute or condition where no signature covers it (in KeyInfo, Extensions or StatusDetail), or a signed element smuggled next to a forged one. SPs that check the signature on one element and read the user from another have been bypassed exactly this way (CVE-2017-11427, CVE-2022-39299, CVE-2024-32962, CVE-2025-25291).',
  fix: {
    general:
      'No real IdP produces this. Treat the message as a forgery attempt.\nMake sure your SP library is current and reads the identity only from the element the verified signature covers.',
  },
  spec: 'saml-core §5.4.2 (References); saml-sec-consider §6.5; xmldsig-bestpractices §2',
};
