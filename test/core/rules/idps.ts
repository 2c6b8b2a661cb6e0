// Responses shaped like the defaults of Entra ID, Okta and AD FS (issuer form, what is signed, claim names),
// so the no-false-alarm tests judge what real flows look like.
import { NAMEID, type AttributeSpec, type ResponseSpec } from '../../../lib/samlgen';
import { T0 } from './build';

const CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';
const MS = 'http://schemas.microsoft.com';

export interface IdpDefaults {
  name: string;
  spec: ResponseSpec;
  sign: Array<'root' | 'assertion'>;
}

const entraClaims: AttributeSpec[] = [
  { name: `${MS}/identity/claims/tenantid`, values: ['72f988bf-86f1-41af-91ab-2d7cd011db47'] },
  { name: `${MS}/identity/claims/objectidentifier`, values: ['5f1c8b1e-0f5e-4f57-9d0c-3f5b1d0f2a11'] },
  { name: `${MS}/identity/claims/displayname`, values: ['Alice Example'] },
  { name: `${MS}/identity/claims/identityprovider`, values: ['https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/'] },
  { name: `${MS}/claims/authnmethodsreferences`, values: ['http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password'] },
  { name: `${CLAIMS}/givenname`, values: ['Alice'] },
  { name: `${CLAIMS}/surname`, values: ['Example'] },
  { name: `${CLAIMS}/emailaddress`, values: ['alice@example.test'] },
  { name: `${CLAIMS}/name`, values: ['alice@example.test'] },
];

export const IDPS: IdpDefaults[] = [
  {
    name: 'Entra ID',
    spec: {
      issuer: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
      issueInstant: T0.replace('Z', '.512Z'),
      nameId: { value: 'alice@example.test', format: NAMEID.email },
      attributes: entraClaims,
    },
    sign: ['assertion'],
  },
  {
    name: 'Okta',
    spec: {
      issuer: 'http://www.okta.com/exk1a2b3c4d5e6f7g8h9',
      nameId: { value: 'alice@example.test', format: NAMEID.email },
      attributes: [
        { name: 'email', nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified', values: ['alice@example.test'] },
        { name: 'groups', nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified', values: ['Everyone', 'Support'] },
      ],
    },
    sign: ['root', 'assertion'],
  },
  {
    name: 'AD FS',
    spec: {
      issuer: 'http://adfs.example.test/adfs/services/trust',
      nameId: { value: 'alice@example.test', format: NAMEID.email },
      attributes: [
        { name: `${CLAIMS}/upn`, values: ['alice@corp.example.test'] },
        { name: `${MS}/ws/2008/06/identity/claims/role`, values: ['Domain Users', 'Support'] },
      ],
    },
    sign: ['assertion'],
  },
];
