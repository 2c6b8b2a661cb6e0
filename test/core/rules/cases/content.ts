// Rules over one message's content: signing, status, assertion, NameID, attributes, issuer.
import { STATUS, NAMEID, encodePostValue, signXml } from '../../../../lib/samlgen';
import type { TraceEntry } from '../../../../lib/core/model';
import { ACS, IDP_ENTITY, TRUST, at, cleanFlow, idpKey, postEntry, response } from '../build';
import { artifactFor, encryptedResponse, soapBody, twoAssertions, withoutAssertionIssuer } from './xml';
import type { RuleCase } from './types';

const FLEX_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const flex = { ...TRUST, profile: 'twilio-flex', accountSid: FLEX_SID, idpEntityId: IDP_ENTITY };
const flexAcs = `https://iam.twilio.com/v1/Accounts/${FLEX_SID}/saml2`;
const flexSp = `https://iam.twilio.com/v1/Accounts/${FLEX_SID}/saml2/metadata`;
const flexAttrs = [
  { name: 'email', values: ['alice@example.test'] },
  { name: 'full_name', values: ['Alice Example'] },
  { name: 'roles', values: ['agent', 'supervisor'] },
];

function flexResponse(attributes = flexAttrs) {
  return [postEntry('SAMLResponse', response({ inResponseTo: undefined, destination: flexAcs, audiences: [flexSp], attributes }), flexAcs)];
}

export const contentCases: Record<string, RuleCase> = {
  'message-unsigned': {
    fires: { entries: () => cleanFlow({}, []), options: TRUST },
    severity: 'error',
    quiet: { entries: () => cleanFlow({}, ['assertion']), options: TRUST },
  },
  'response-unsigned': {
    fires: { entries: () => cleanFlow({}, ['assertion']), options: TRUST },
    severity: 'info',
    says: /envelope/,
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'assertion-unsigned': {
    fires: { entries: () => cleanFlow({}, ['root']), options: TRUST },
    severity: 'info',
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'status-error': {
    fires: { entries: () => cleanFlow({ status: { code: STATUS.requester, subCode: 'urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy' } }, ['root']), options: TRUST },
    severity: 'error',
    says: /Requester \/ InvalidNameIDPolicy/,
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'assertion-missing': {
    fires: { entries: () => cleanFlow({ includeAssertion: false }, ['root']), options: TRUST },
    severity: 'error',
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'assertion-multiple': {
    fires: { entries: () => [postEntry('SAMLResponse', twoAssertions())], options: TRUST },
    severity: 'error',
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'message-multiple': {
    fires: { text: () => soapBody(response(), response({ id: '_second', assertionId: '_second-a', nameId: { value: 'mallory@example.test' } }, [])), options: TRUST },
    severity: 'error',
    says: /SOAP Body at \/Envelope\/Body carries 2 messages/,
    quiet: { text: () => soapBody(response()), options: TRUST },
  },
  'assertion-encrypted': {
    fires: { entries: () => [postEntry('SAMLResponse', encryptedResponse())], options: TRUST },
    severity: 'info',
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'nameid-missing': {
    fires: { entries: () => cleanFlow({ nameId: null }), options: TRUST },
    severity: 'error',
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'nameid-format': {
    fires: { entries: () => cleanFlow({ nameId: { value: 'a1b2c3', format: NAMEID.transient } }), options: { ...TRUST, profile: 'twilio-console' } },
    severity: 'error',
    says: /urn:oasis:names:tc:SAML:2\.0:nameid-format:transient; Twilio Console requires urn:oasis:names:tc:SAML:1\.1:nameid-format:emailAddress/,
    quiet: { entries: () => cleanFlow(), options: { ...TRUST, profile: 'twilio-console' } },
  },
  'nameid-not-email': {
    fires: { entries: () => cleanFlow({ nameId: { value: 'alice', format: NAMEID.email } }), options: TRUST },
    severity: 'warning',
    says: /"alice"/,
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'nameid-comment': {
    fires: { entries: () => cleanFlow({ nameId: { value: 'alice@example.test', format: NAMEID.email } }).map((e, i) => (i === 1 ? injectComment(e) : e)), options: TRUST },
    severity: 'error',
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'text-split': {
    fires: {
      entries: () =>
        cleanFlow({ attributes: [{ name: 'email', values: ['admin@example.test.evil.test'] }] }).map((e, i) =>
          i === 1 ? injectComment(e, 'admin@example.test.evil.test<', 'admin@example.test<!---->.evil.test<') : e,
        ),
      options: TRUST,
    },
    severity: 'error',
    says: /AttributeValue of "email" is split by an XML comment; its full text is "admin@example\.test\.evil\.test", but .* sees "admin@example\.test"/,
    quiet: { entries: () => cleanFlow({ attributes: [{ name: 'email', values: ['admin@example.test.evil.test'] }] }), options: TRUST },
  },
  'attribute-namespaced': {
    fires: {
      entries: () => flexResponse([{ name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', values: ['alice@example.test'] }, ...flexAttrs.slice(1)]),
      options: flex,
    },
    severity: 'error',
    says: /http:\/\/schemas\.xmlsoap\.org\/ws\/2005\/05\/identity\/claims\/emailaddress.*"email"/,
    quiet: { entries: () => flexResponse(), options: flex },
  },
  'attribute-missing': {
    fires: { entries: () => flexResponse(flexAttrs.slice(0, 2)), options: flex },
    severity: 'error',
    says: /"roles"/,
    quiet: { entries: () => flexResponse(), options: flex },
  },
  'schema-invalid': {
    // The Response's Issuer moved after its Status: signed that way, so only the schema notices.
    fires: {
      entries: () => {
        const issuer = `<saml:Issuer>${IDP_ENTITY}</saml:Issuer>`;
        const xml = response({}, []).replace(issuer, '').replace('</samlp:Status>', `</samlp:Status>${issuer}`);
        return [postEntry('SAMLResponse', signXml(xml, { key: idpKey, targets: ['root', 'assertion'] }))];
      },
      options: TRUST,
    },
    severity: 'warning',
    says: /saml:Issuer must come before samlp:Status/,
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'attribute-duplicate': {
    fires: { entries: () => cleanFlow({ attributes: [{ name: 'role', values: ['user'] }, { name: 'role', values: ['admin'] }] }), options: TRUST },
    // Legal SAML (Keycloak's default for roles): an error only under a profile whose SP reads the first element only.
    severity: 'warning',
    says: /reads only the first sees "user"; one that merges them sees "user", "admin"/,
    quiet: { entries: () => cleanFlow({ attributes: [{ name: 'role', values: ['user', 'admin'] }] }), options: TRUST },
  },
  'attribute-password': {
    // LDAP's userPassword by its OID, as SimpleSAMLphp and Shibboleth name attributes (urn:oid), with a friendly name.
    fires: {
      entries: () => cleanFlow({ attributes: [{ name: 'urn:oid:2.5.4.35', nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri', friendlyName: 'userPassword', values: ['{SSHA}c2VjcmV0LWhhc2gtdmFsdWU='] }] }),
      options: TRUST,
    },
    severity: 'warning',
    says: /^Attribute "urn:oid:2\.5\.4\.35" carries the user's password \(a value, not shown here\)/,
    // When the password changes and when it expires are not the password; an empty value leaks nothing.
    quiet: {
      entries: () =>
        cleanFlow({ attributes: [{ name: 'passwordExpirationTime', values: ['20270101000000Z'] }, { name: 'pwdLastSet', values: ['133800000000000000'] }, { name: 'password', values: [''] }] }),
      options: TRUST,
    },
  },
  'assertion-over-http': {
    // An IdP posting the assertion to an http:// ACS on another host; on the SP developer's own machine it is normal.
    fires: {
      entries: () => [postEntry('SAMLResponse', response({ inResponseTo: undefined, destination: 'http://sp.example.test/acs', recipient: 'http://sp.example.test/acs' }), 'http://sp.example.test/acs')],
      options: TRUST,
    },
    severity: 'warning',
    says: /^This Response carries an assertion and was sent to "http:\/\/sp\.example\.test\/acs", plain HTTP on sp\.example\.test/,
    quiet: {
      entries: () => [postEntry('SAMLResponse', response({ inResponseTo: undefined, destination: 'http://localhost:8080/acs', recipient: 'http://localhost:8080/acs' }), 'http://localhost:8080/acs')],
      options: TRUST,
    },
  },
  'issuer-missing': {
    fires: { entries: () => [postEntry('SAMLResponse', withoutAssertionIssuer(response({}, [])))] },
    severity: 'error',
    quiet: { entries: () => cleanFlow() },
  },
  'issuer-mismatch': {
    fires: { entries: () => cleanFlow(), options: { ...TRUST, idpEntityId: 'https://idp.example.test/metadata/' } },
    severity: 'error',
    says: /trailing slash/,
    quiet: { entries: () => cleanFlow(), options: { ...TRUST, idpEntityId: IDP_ENTITY } },
  },
  'issuer-inconsistent': {
    fires: { entries: () => cleanFlow({ assertionIssuer: 'https://other-idp.example.test/' }), options: TRUST },
    severity: 'error',
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'bearer-confirmation-missing': {
    fires: { entries: () => [postEntry('SAMLResponse', response({}, []).replace('cm:bearer', 'cm:holder-of-key'))] },
    severity: 'warning',
    quiet: { entries: () => [postEntry('SAMLResponse', response({}, []))] },
  },
  'jit-needs-idp-initiated': {
    fires: { entries: () => cleanFlow(), options: { ...TRUST, profile: 'sendgrid' } },
    severity: 'info',
    quiet: { entries: () => [postEntry('SAMLResponse', response({ inResponseTo: undefined }))], options: { ...TRUST, profile: 'sendgrid' } },
  },
  'artifact-source-unknown': {
    fires: { entries: () => [artifactEntry('https://unknown-idp.example.test/')] },
    severity: 'info',
    quiet: { entries: () => [artifactEntry(IDP_ENTITY)], options: { idpEntityId: IDP_ENTITY } },
  },
};

function artifactEntry(entityId: string): TraceEntry {
  return { id: 'art', source: 'har', method: 'GET', url: `${ACS}?SAMLart=${encodeURIComponent(artifactFor(entityId))}&RelayState=rs-1`, requestHeaders: [], responseHeaders: [], capturedAt: at(2) };
}

/** Comment injection after signing: exclusive C14N drops comments, so the signature still verifies. */
function injectComment(e: TraceEntry, from = 'alice@example.test</saml:NameID>', to = 'alice@example.test<!---->.evil.test</saml:NameID>'): TraceEntry {
  const xml = Buffer.from(e.formFields![0]![1], 'base64').toString('utf8').replace(from, to);
  return { ...e, formFields: [['SAMLResponse', encodePostValue(xml)]] };
}
