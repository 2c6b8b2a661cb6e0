// A captured SP-initiated login and logout with known secrets planted wherever real captures carry them.
import type { TraceEntry } from '../../../lib/core/model';
import {
  buildAuthnRequest,
  buildLogoutRequest,
  buildResponse,
  encodePostValue,
  encodeRedirectQuery,
  loadTestKey,
  NAMEID,
  signXml,
} from '../../../lib/samlgen';

export const SECRETS = {
  spCookie: 'spSess-7f3a9c2e41d8b6',
  idpCookie: 'idpSess-Q29va2llVmFsdWU9',
  newCookie: 'fresh-5b1e8d0c2a9f77',
  bearer: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl',
  apiKey: 'ak_live_51HqLyjWDarjtT1zdp7dc',
  password: 'Hunter2-Correct-Horse!',
  otp: '493817',
} as const;

export const PERSONAL = {
  nameId: 'alice.wonderland@contoso.example',
  email: 'alice.wonderland@contoso.example',
  otherEmail: 'a.wonder@private-mail.example',
  displayName: 'Alice Wonderland',
  givenName: 'Alicia',
  surname: 'Wonderland',
  employeeId: 'EMP-7731-ZQ',
  department: 'Quantum Accounting',
  /** Appears only as the NameID of an IdP-initiated response: nothing else can sweep it away. */
  persistentId: 'k7Qm2xVz9pLr4TbN8wYc',
} as const;

const SP = 'https://sp.example.test';
const IDP = 'https://idp.example.test';

export function plantedFlow(): TraceEntry[] {
  const idp = loadTestKey('idp');
  const sp = loadTestKey('sp');
  const authn = buildAuthnRequest({ id: '_req-planted-1', acsUrl: `${SP}/acs`, destination: `${IDP}/sso` });
  const redirectQuery = encodeRedirectQuery(authn, { param: 'SAMLRequest', relayState: `${SP}/app?hint=${PERSONAL.otherEmail}`, key: sp });
  const response = signXml(
    buildResponse({
      id: '_resp-planted-1',
      inResponseTo: '_req-planted-1',
      destination: `${SP}/acs`,
      issuer: `${IDP}/metadata`,
      nameId: { value: PERSONAL.nameId, format: NAMEID.email },
      attributes: [
        { name: 'email', values: [PERSONAL.email] },
        { name: 'http://schemas.microsoft.com/identity/claims/displayname', values: [PERSONAL.displayName] },
        { name: 'givenName', values: [PERSONAL.givenName] },
        { name: 'sn', values: [PERSONAL.surname] },
        { name: 'employeeNumber', values: [PERSONAL.employeeId] },
        { name: 'department', values: [PERSONAL.department] },
      ],
    }),
    { key: idp, targets: ['root', 'assertion'] },
  );
  const logout = buildLogoutRequest({ nameId: { value: PERSONAL.nameId, format: NAMEID.email }, destination: `${IDP}/slo` });
  const logoutQuery = encodeRedirectQuery(logout, { param: 'SAMLRequest', key: sp });
  const unsolicited = signXml(
    buildResponse({ id: '_resp-planted-2', destination: `${SP}/acs`, nameId: { value: PERSONAL.persistentId, format: NAMEID.persistent } }),
    { key: idp, targets: ['assertion'] },
  );
  const t = (s: number) => new Date(Date.UTC(2026, 0, 15, 10, 0, s)).toISOString();
  return [
    {
      id: 'e1',
      source: 'webrequest',
      method: 'GET',
      url: `${SP}/login?login_hint=${encodeURIComponent(PERSONAL.email)}`,
      requestHeaders: [
        { name: 'Cookie', value: `sp_session=${SECRETS.spCookie}; theme=dark` },
        { name: 'User-Agent', value: 'Mozilla/5.0 (X11; Linux x86_64)' },
      ],
      responseStatus: 302,
      responseStatusText: 'Found',
      responseHeaders: [{ name: 'Location', value: `${IDP}/sso?${redirectQuery}` }],
      redirectUrl: `${IDP}/sso?${redirectQuery}`,
      capturedAt: t(0),
    },
    {
      id: 'e2',
      source: 'webrequest',
      method: 'GET',
      url: `${IDP}/sso?${redirectQuery}`,
      requestHeaders: [
        { name: 'Cookie', value: `idp_session=${SECRETS.idpCookie}` },
        { name: 'Authorization', value: `Bearer ${SECRETS.bearer}` },
        { name: 'X-API-Key', value: SECRETS.apiKey },
        { name: 'Referer', value: `${SP}/login?login_hint=${encodeURIComponent(PERSONAL.email)}` },
      ],
      responseStatus: 200,
      responseStatusText: 'OK',
      responseHeaders: [{ name: 'Content-Type', value: 'text/html' }],
      capturedAt: t(1),
    },
    {
      id: 'e3',
      source: 'webrequest',
      method: 'POST',
      url: `${IDP}/login`,
      requestHeaders: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
      formFields: [
        ['username', PERSONAL.email],
        ['password', SECRETS.password],
        ['otp', SECRETS.otp],
      ],
      responseStatus: 200,
      responseStatusText: 'OK',
      responseHeaders: [{ name: 'Set-Cookie', value: `idp_session=${SECRETS.idpCookie}; Path=/; HttpOnly; Secure` }],
      capturedAt: t(2),
    },
    {
      id: 'e4',
      source: 'webrequest',
      method: 'POST',
      url: `${SP}/acs`,
      requestHeaders: [
        { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
        { name: 'Cookie', value: `sp_session=${SECRETS.spCookie}` },
      ],
      formFields: [
        ['SAMLResponse', encodePostValue(response)],
        ['RelayState', `${SP}/app?hint=${PERSONAL.otherEmail}`],
      ],
      responseStatus: 302,
      responseStatusText: 'Found',
      responseHeaders: [
        { name: 'Set-Cookie', value: `sp_session=${SECRETS.newCookie}; Path=/; HttpOnly` },
        { name: 'Location', value: `${SP}/app` },
      ],
      capturedAt: t(3),
    },
    {
      id: 'e5',
      source: 'webrequest',
      method: 'GET',
      url: `${IDP}/slo?${logoutQuery}`,
      requestHeaders: [{ name: 'Cookie', value: `idp_session=${SECRETS.idpCookie}` }],
      responseStatus: 200,
      responseStatusText: 'OK',
      responseHeaders: [],
      capturedAt: t(4),
    },
    {
      id: 'e6',
      source: 'webrequest',
      method: 'POST',
      url: `${SP}/acs`,
      requestHeaders: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
      formFields: [['SAMLResponse', encodePostValue(unsolicited)]],
      responseStatus: 302,
      responseStatusText: 'Found',
      responseHeaders: [{ name: 'Location', value: `${SP}/app` }],
      capturedAt: t(5),
    },
  ];
}

/** The spellings a leaked value could hide in: raw, URL/form/XML/JSON-escaped, and base64 at each alignment. */
export function spellings(value: string): string[] {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const out = new Set<string>([
    value,
    encodeURIComponent(value),
    encodeURIComponent(value).replace(/%20/g, '+'),
    JSON.stringify(value).slice(1, -1),
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;'),
  ]);
  // base64 of the value at the three byte alignments, minus the edge characters that depend on neighbours.
  for (let pad = 0; pad < 3; pad++) {
    const enc = b64('x'.repeat(pad) + value);
    const start = Math.ceil((pad * 4) / 3) + 1;
    const core = enc.slice(start, enc.length - 4);
    if (core.length >= 8) out.add(core);
  }
  return [...out];
}
