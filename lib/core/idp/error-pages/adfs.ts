// AD FS's error page: "An error occurred", with an Activity ID that names the request in the AD FS event
// logs; MSIS codes appear when the page (or a custom error message) shows the exception.
import { type ErrorCode, type ErrorPageFamily, type RequestFacts, quoted } from './types';

const RP = 'AD FS Management > Relying Party Trusts > the trust for this SP';

// The Activity ID appears in the user's browser when an AD FS request fails; filter the AD FS/Admin event log
// (Event Viewer > Applications and Services Logs > AD FS > Admin) by it:
// https://learn.microsoft.com/windows-server/identity/ad-fs/troubleshooting/ad-fs-tshoot-logging
const LOGS = 'Event Viewer on the AD FS server > Applications and Services Logs > AD FS > Admin';

/** The usual causes of a refused SAML request, each tied to what this request asked for. */
function usualCauses(r: RequestFacts): string {
  return [
    `no relying party trust has the Identifier ${quoted(r.issuer)} (the AuthnRequest Issuer; event MSIS7007)`,
    `the trust has no SAML Assertion Consumer endpoint ${quoted(r.acsUrl, 'for the requested ACS')}`,
    `no claim rule issues a NameID in the requested format ${quoted(r.nameIdPolicy, '(none requested)')} (MSIS7070)`,
    `the request's signature ${r.signed ? 'does not verify with the trust\'s request-signing certificate' : 'is missing while the trust requires signed requests'} (MSIS0038)`,
    'the trust\'s access control policy does not permit this user',
  ].join('; ');
}

const GENERIC: ErrorCode = {
  code: 'AD FS error page',
  title: 'AD FS refused the request',
  cause: (r) => `AD FS shows its error page instead of a Response. The usual causes: ${usualCauses(r)}.`,
  fix: () => `${LOGS}: filter by the Activity ID below; the event names the failing check. Then fix it in ${RP} (Identifiers, Endpoints, Claim Issuance Policy, Signature, Access Control Policy).`,
};

const CODES: ErrorCode[] = [
  {
    // "MSIS7070: The SAML request contained a NameIDPolicy that was not satisfied by the issued token" (event 321):
    // https://codewithme.cloud/posts/2016/03/adfs-3-0-relying-party-trust-send-custom-attribute-as-claim ;
    // https://x500.co.uk/2018/03/06/adfs-the-saml-authentication-request-had-a-nameid-policy-that-could-not-be-satisfied/
    code: 'MSIS7070',
    title: 'NameIDPolicy not satisfied',
    cause: (r) => `The AuthnRequest asks for a NameID in format ${quoted(r.nameIdPolicy)}, and no claim rule of the relying party trust issues a Name ID in that format.`,
    fix: (r) =>
      `${RP} > Edit Claim Issuance Policy > Add Rule > "Transform an Incoming Claim": incoming E-Mail Address (or UPN) -> outgoing Name ID, outgoing name ID format ${quoted(r.nameIdPolicy, 'the requested format')}. Or make the SP stop requesting that format.`,
  },
  {
    // "MSIS7007: The requested relying party trust '<id>' is unspecified or unsupported":
    // https://github.com/fangli/django-saml2-auth/issues/148
    code: 'MSIS7007',
    title: 'no relying party trust for this SP',
    cause: (r) => `No relying party trust has the Identifier ${quoted(r.issuer)} that the SP sends as the AuthnRequest Issuer.`,
    fix: (r) => `${RP} > Properties > Identifiers: add ${quoted(r.issuer, "the SP's entity ID")} exactly (or create the trust from the SP's metadata).`,
  },
  {
    // "MSIS0038: SAML Message has wrong signature. Issuer: '<sp>'":
    // https://www.componentspace.com/forums/10711/An-error-SAML-response-status-was-received-urnoasisnamestcSAML20statusResponder
    code: 'MSIS0038',
    title: 'wrong signature on the SAML request',
    cause: (r) => `The signature of the AuthnRequest from ${quoted(r.issuer)} does not verify with the request-signing certificate of the relying party trust.`,
    fix: () => `${RP} > Properties > Signature: add the SP's current signing certificate (or refresh the trust from the SP's metadata).`,
  },
];

const BY_CODE = new Map(CODES.map((c) => [c.code, c]));
const MSIS = /\bMSIS(\d{4})\b/;
// "Activity ID" in English; other languages keep "ID"/"Id" beside the GUID (ID d'activité, Aktivitäts-ID). Read in the
// page's visible text only: the sign-in and MFA pages carry GUIDs with an "id" beside them in scripts and form
// actions (client-request-id=GUID, an Azure MFA context {"id": "GUID"}) that name no failure.
const ACTIVITY = /(?<!request-)\bid\b(?!\s*=)[^<>]{0,40}?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;
const ADFS_PATH = /^https?:\/\/[^/?#]+\/adfs\/ls(?:\/|\?|$)/i;
const PASSWORD_FORM = /<input\b[^>]{0,300}type\s*=\s*["']?password/i;

export const adfsPages: ErrorPageFamily = {
  product: 'adfs',
  recognise(page) {
    if (!ADFS_PATH.test(page.url)) return undefined;
    const details: string[] = [];
    const activity = ACTIVITY.exec(page.visible)?.[1];
    if (activity) details.push(`Activity ID ${activity} (search the AD FS/Admin event log for it)`);
    const msis = MSIS.exec(page.text);
    if (msis) {
      const code = `MSIS${msis[1]}`;
      return { product: 'adfs', code: BY_CODE.get(code) ?? { ...GENERIC, code }, details };
    }
    // The sign-in page also lives under /adfs/ls: only a page without a password field that names an Activity ID
    // (or that failed with an HTTP error) is the error page.
    const failed = page.status !== undefined && page.status >= 400;
    if ((activity && !PASSWORD_FORM.test(page.text)) || failed) return { product: 'adfs', code: GENERIC, details };
    return undefined;
  },
};
