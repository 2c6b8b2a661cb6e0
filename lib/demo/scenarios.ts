import type { ResponseSpec } from '../samlgen';
import { NAMEID, STATUS } from '../samlgen';

export interface ScenarioContext {
  now: Date;
  idpEntityId: string;
  spEntityId: string;
  acsUrl: string;
  requestId?: string;
  user: string;
}

/** How the demo IdP answers one sign-in: the Response fields and how it signs. */
export interface Answer {
  spec: ResponseSpec;
  sign: Array<'root' | 'assertion'>;
  /** Change the signed XML afterwards, as an attacker or a broken proxy would. */
  tamper?: (signedXml: string) => string;
}

export interface Scenario {
  id: string;
  title: string;
  /** What is wrong, in the words a person configuring an IdP would use. */
  description: string;
  /** Finding slugs SAML Lens should raise on the Response (with the demo's SP settings applied). */
  expect: string[];
  /** Shown on the start page (the hostile one is for the security tests, but harmless to click). */
  answer(ctx: ScenarioContext): Answer;
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const plus = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);

/** A correct Response: signed Response and Assertion, e-mail NameID, bare attribute names. */
function good(ctx: ScenarioContext): Answer {
  return {
    sign: ['assertion', 'root'],
    spec: {
      id: randomId(),
      assertionId: randomId(),
      issueInstant: iso(ctx.now),
      notBefore: iso(plus(ctx.now, -60)),
      notOnOrAfter: iso(plus(ctx.now, 300)),
      ...(ctx.requestId ? { inResponseTo: ctx.requestId } : {}),
      destination: ctx.acsUrl,
      recipient: ctx.acsUrl,
      issuer: ctx.idpEntityId,
      audiences: [ctx.spEntityId],
      nameId: { value: ctx.user, format: NAMEID.email },
      sessionIndex: `_session-${randomId().slice(1, 9)}`,
      attributes: [
        { name: 'email', values: [ctx.user] },
        { name: 'full_name', values: ['Alice Example'] },
        { name: 'roles', values: ['agent', 'supervisor'] },
      ],
    },
  };
}

function withSpec(base: Answer, spec: Partial<ResponseSpec>): Answer {
  return { ...base, spec: { ...base.spec, ...spec } };
}

export const SCENARIOS: Scenario[] = [
  {
    id: 'ok',
    title: 'Everything right',
    description: 'Signed Response and Assertion, e-mail NameID, bare claim names.',
    expect: [],
    answer: good,
  },
  {
    id: 'unsigned',
    title: 'Unsigned response',
    description: 'The IdP signs nothing (signing option switched off).',
    expect: ['message-unsigned'],
    answer: (ctx) => ({ ...good(ctx), sign: [] }),
  },
  {
    id: 'transient-nameid',
    title: 'Transient NameID',
    description: 'NameID format is transient (a random value) instead of the e-mail address.',
    expect: ['nameid-format'],
    answer: (ctx) => withSpec(good(ctx), { nameId: { value: `_${randomId().slice(1, 21)}`, format: NAMEID.transient } }),
  },
  {
    id: 'namespaced-claims',
    title: 'Namespaced claims',
    description: 'Entra ID defaults: claim names are URIs (…/claims/emailaddress) instead of email, full_name, roles.',
    expect: ['attribute-namespaced'],
    answer: (ctx) =>
      withSpec(good(ctx), {
        attributes: [
          { name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', values: [ctx.user] },
          { name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name', values: ['Alice Example'] },
          { name: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role', values: ['agent'] },
        ],
      }),
  },
  {
    id: 'wrong-issuer',
    title: 'Wrong issuer',
    description: 'The IdP sends an entity ID the SP was not configured with (AD FS http vs https).',
    expect: ['issuer-mismatch'],
    answer: (ctx) => withSpec(good(ctx), { issuer: 'https://adfs.example.test/adfs/services/trust' }),
  },
  {
    id: 'expired',
    title: 'Expired assertion',
    description: 'The assertion was valid for five minutes, an hour ago (IdP clock or a replayed response).',
    expect: ['assertion-expired'],
    answer: (ctx) => {
      const then = plus(ctx.now, -3600);
      return withSpec(good(ctx), {
        issueInstant: iso(then),
        notBefore: iso(plus(then, -60)),
        notOnOrAfter: iso(plus(then, 300)),
      });
    },
  },
  {
    id: 'invalid-nameid-policy',
    title: 'InvalidNameIDPolicy error',
    description: 'AD FS without a NameID transform rule: Requester / InvalidNameIDPolicy, no assertion.',
    expect: ['status-error'],
    answer: (ctx) => ({
      ...withSpec(good(ctx), {
        status: {
          code: STATUS.requester,
          subCode: 'urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy',
          message: 'MSIS7070: The SAML request contained a NameIDPolicy that was not satisfied by the issued token.',
        },
      }),
      sign: ['root'],
    }),
  },
  {
    id: 'tampered',
    title: 'Tampered signature',
    description: 'Someone changed the NameID after the IdP signed the assertion.',
    expect: ['signature-invalid'],
    answer: (ctx) => ({
      ...good(ctx),
      tamper: (xml) => xml.replace(`>${ctx.user}</saml:NameID>`, '>mallory@example.test</saml:NameID>'),
    }),
  },
  {
    id: 'hostile',
    title: 'Hostile attribute values',
    description: 'Attribute values that are HTML and a javascript: URL: a tool must show them as text.',
    expect: [],
    answer: (ctx) =>
      withSpec(good(ctx), {
        attributes: [
          { name: 'email', values: [ctx.user] },
          { name: 'full_name', values: [HOSTILE_HTML] },
          // Everything a Twilio Flex user needs is present, so the only thing wrong is the content.
          { name: 'roles', values: ['agent'] },
          { name: 'homepage', values: [HOSTILE_URL] },
        ],
      }),
  },
];

export const HOSTILE_HTML = '<img src=x onerror="document.title=\'pwned\';window.__samlLensXss=1">';
export const HOSTILE_URL = 'javascript:window.__samlLensXss=2';

export function scenario(id: string | null | undefined): Scenario {
  return SCENARIOS.find((s) => s.id === id) ?? (SCENARIOS[0] as Scenario);
}

export function randomId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `_${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
