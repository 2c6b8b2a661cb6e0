// Rules raised by the decoder, parser and verifier: fired through analyze with real bad input.
import { X509Certificate } from 'node:crypto';
import { buildResponse, encodeRedirectQuery, loadTestKey, signXml, encodePostValue } from '../../../../lib/samlgen';
import type { TraceEntry } from '../../../../lib/core/model';
import { serializeTrace } from '../../../../lib/core/trace';
import { ACS, IDP_ENTITY, T0, TRUST, at, authnRequest, cleanFlow, idpKey, postEntry, response, rogueKey, spKey, SSO } from '../build';
import { encryptedResponse, wrapped } from './xml';
import type { RuleCase } from './types';
import { MAX_TRACE_MESSAGES } from '../../../../lib/core/input/cap';

/** The certificate's fingerprint as `openssl x509 -fingerprint` prints it (colon-separated hex). */
function fingerprint(pem: string, hash: 'sha1' | 'sha256'): string {
  const x = new X509Certificate(pem);
  return hash === 'sha256' ? x.fingerprint256 : x.fingerprint;
}

function rawPost(value: string): TraceEntry {
  return { id: 'raw', source: 'har', method: 'POST', url: ACS, requestHeaders: [], responseHeaders: [], formFields: [['SAMLResponse', value]], capturedAt: at(2) };
}

/** A HAR with one SAML POST among `others` requests for images: past 5,000 of them the file's limit is reached. */
function busyHar(others: number): string {
  const entry = (url: string, postData?: unknown) => ({
    startedDateTime: at(2),
    request: { method: postData ? 'POST' : 'GET', url, headers: [], ...(postData ? { postData } : {}) },
    response: { status: 200, headers: [], content: { size: 0, mimeType: 'image/png' } },
  });
  const saml = entry(ACS, { mimeType: 'application/x-www-form-urlencoded', text: `SAMLResponse=${encodeURIComponent(encodePostValue(response()))}` });
  const noise = Array.from({ length: others }, (_, i) => entry(`https://cdn.example.test/img/${i}.png`));
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector' }, entries: [saml, ...noise] } });
}

/** A HAR of `n` POSTs, each carrying one (undecodable, so cheap to judge) SAMLResponse. */
function harOfPosts(n: number): string {
  const entry = { request: { method: 'POST', url: ACS, headers: [], postData: { mimeType: 'application/x-www-form-urlencoded', text: 'SAMLResponse=AAAA' } } };
  return JSON.stringify({ log: { entries: Array.from({ length: n }, () => entry) } });
}

export const stageCases: Record<string, RuleCase> = {
  'trace-too-large': {
    fires: { text: () => harOfPosts(MAX_TRACE_MESSAGES + 1) },
    severity: 'error',
    says: /the first 500, in the entries before har-500, were judged; 1 entry from har-500 to har-500, 1 request of them carrying SAML, were left out/,
    quiet: { text: () => harOfPosts(MAX_TRACE_MESSAGES) },
  },
  'input-limit': {
    fires: { text: () => busyHar(5_010) },
    severity: 'warning',
    says: /^Kept 5,001 of 5,011 entries: .*the 10 later other requests were left out\.$/,
    quiet: { text: () => busyHar(5_000) },
  },
  'input-unrecognised': {
    fires: { text: () => '{"neither": "HAR nor SAML-tracer"}' },
    severity: 'error',
    quiet: { text: () => encodePostValue(response()) },
  },
  'saved-settings': {
    fires: { text: () => serializeTrace({ entries: cleanFlow(), settings: { trustedCertificates: [rogueKey.certificatePem], idpEntityId: IDP_ENTITY }, createdAt: T0 }) },
    severity: 'info',
    says: /1 trusted IdP certificate, IdP entity ID .*they were not applied/,
    quiet: { text: () => serializeTrace({ entries: cleanFlow(), createdAt: T0 }) },
  },
  'decode-failed': {
    fires: { entries: () => [rawPost('this is %%% not base64 at all!')] },
    severity: 'error',
    quiet: { entries: () => cleanFlow() },
  },
  'base64-lenient': {
    fires: { entries: () => [rawPost(encodePostValue(response()).replace(/(.{64})/g, '$1\n'))] },
    severity: 'info',
    quiet: { entries: () => [rawPost(encodePostValue(response()))] },
  },
  'relaystate-too-long': {
    fires: { entries: () => [postEntry('SAMLResponse', response(), ACS, at(2), [['RelayState', `https://sp.example.test/deep/link?${'x'.repeat(90)}`]])] },
    severity: 'warning',
    says: /bytes long/,
    quiet: { entries: () => cleanFlow() },
  },
  'redirect-parameter-duplicate': {
    fires: {
      entries: () => {
        const query = `${encodeRedirectQuery(authnRequest(), { param: 'SAMLRequest', relayState: 'home', key: spKey })}&RelayState=elsewhere`;
        return [{ id: 'r', source: 'har', method: 'GET', url: `${SSO}?${query}`, requestHeaders: [], responseHeaders: [], capturedAt: at(-2) }];
      },
    },
    severity: 'error',
    says: /RelayState 2 times/,
    quiet: {
      entries: () => {
        const query = encodeRedirectQuery(authnRequest(), { param: 'SAMLRequest', relayState: 'home', key: spKey });
        return [{ id: 'r', source: 'har', method: 'GET', url: `${SSO}?${query}`, requestHeaders: [], responseHeaders: [], capturedAt: at(-2) }];
      },
    },
  },
  'post-field-duplicate': {
    // A genuine signed Response, and beside it a forged one under a name PHP reads as SAMLResponse (leading space).
    fires: { entries: () => [postEntry('SAMLResponse', response(), ACS, at(2), [[' SAMLResponse', encodePostValue(response({ nameId: { value: 'admin@example.test' } }, []))]])], options: TRUST },
    severity: 'error',
    says: /names a message field " SAMLResponse", which some receivers read as SAMLResponse/,
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'redirect-signature-missing-sigalg': {
    fires: {
      entries: () => {
        const query = encodeRedirectQuery(authnRequest(), { param: 'SAMLRequest', key: spKey }).replace(/&SigAlg=[^&]*/, '');
        return [{ id: 'r', source: 'har', method: 'GET', url: `${SSO}?${query}`, requestHeaders: [], responseHeaders: [], capturedAt: at(-2) }];
      },
    },
    severity: 'error',
    quiet: {
      entries: () => {
        const query = encodeRedirectQuery(authnRequest(), { param: 'SAMLRequest', key: spKey });
        return [{ id: 'r', source: 'har', method: 'GET', url: `${SSO}?${query}`, requestHeaders: [], responseHeaders: [], capturedAt: at(-2) }];
      },
    },
  },
  'xml-doctype': {
    fires: { entries: () => [postEntry('SAMLResponse', `<!DOCTYPE r [<!ENTITY x "alice">]>${response({}, [])}`)] },
    severity: 'error',
    quiet: { entries: () => cleanFlow() },
  },
  'xml-refused': {
    fires: { entries: () => [postEntry('SAMLResponse', response({}, []).replace('Version="2.0"', 'Version="2.0" Version="2.0"'))] },
    severity: 'error',
    quiet: { entries: () => cleanFlow() },
  },
  'not-saml': {
    fires: { entries: () => [postEntry('SAMLResponse', '<invoice xmlns="urn:example:billing" ID="_1"><total>10</total></invoice>')] },
    severity: 'error',
    quiet: { entries: () => cleanFlow() },
  },
  'namespace-lookalike': {
    fires: {
      entries: () => [
        postEntry(
          'SAMLResponse',
          response({}, ['assertion']).replace(
            '<saml:Assertion ',
            '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion " ID="_evil" Version="2.0"><saml:Subject><saml:NameID>admin@example.test</saml:NameID></saml:Subject></saml:Assertion><saml:Assertion ',
          ),
        ),
      ],
      options: TRUST,
    },
    severity: 'error',
    says: /"urn:oasis:names:tc:SAML:2\.0:assertion ".*whitespace at the end.*"admin@example\.test"/,
    quiet: { entries: () => cleanFlow({}, ['assertion']), options: TRUST },
  },
  'signature-invalid': {
    fires: { entries: () => [postEntry('SAMLResponse', response({}, ['assertion']).replace('alice@example.test', 'mallory@example.test'))], options: TRUST },
    severity: 'error',
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'signature-untrusted': {
    fires: { entries: () => [postEntry('SAMLResponse', response({}, ['root', 'assertion'], rogueKey))], options: TRUST },
    severity: 'error',
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'signature-wrapping': {
    fires: { entries: () => [postEntry('SAMLResponse', wrapped(response({}, ['assertion'])))], options: TRUST },
    severity: 'error',
    quiet: { entries: () => cleanFlow({}, ['assertion']), options: TRUST },
  },
  'weak-algorithm': {
    fires: {
      entries: () => {
        const xml = buildResponse({ issueInstant: T0, inResponseTo: '_req1', destination: ACS, issuer: IDP_ENTITY, audiences: ['https://sp.example.test/metadata'] });
        return [postEntry('SAMLResponse', signXml(xml, { key: idpKey, targets: ['root', 'assertion'], signatureAlgorithm: 'rsa-sha1', digestAlgorithm: 'sha1' }))];
      },
      options: TRUST,
    },
    severity: 'warning',
    says: /SHA-1/,
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'certificate-expired': {
    // Captured before the test certificate's notBefore.
    fires: { entries: () => [postEntry('SAMLResponse', response({ issueInstant: '2026-01-15T10:00:00Z' }), ACS, '2026-01-15T10:00:02Z')], options: TRUST },
    severity: 'warning',
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'certificate-invalid': {
    fires: { entries: () => cleanFlow(), options: { trustedCertificates: ['-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----'] } },
    severity: 'error',
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'certificate-key-weak': {
    fires: { entries: () => [postEntry('SAMLResponse', response({}, ['root', 'assertion'], loadTestKey('weak-1024')))], options: { trustedCertificates: [loadTestKey('weak-1024').certificatePem] } },
    severity: 'error',
    says: /1024 bits/,
    // Signed with the 2048-bit test IdP key.
    quiet: { entries: () => cleanFlow(), options: TRUST },
  },
  'certificate-fingerprint-sha1': {
    fires: { entries: () => cleanFlow(), options: { trustedCertificates: [`SHA1:${fingerprint(idpKey.certificatePem, 'sha1')}`] } },
    severity: 'warning',
    says: /SHA-1 fingerprint/,
    // The SHA-256 fingerprint of the same certificate.
    quiet: { entries: () => cleanFlow(), options: { trustedCertificates: [`SHA256:${fingerprint(idpKey.certificatePem, 'sha256')}`] } },
  },
  'encryption-failed': {
    fires: { entries: () => [postEntry('SAMLResponse', encryptedResponse())], options: { ...TRUST, spPrivateKeyPem: spKey.privateKeyPem } },
    severity: 'error',
    quiet: { entries: () => cleanFlow(), options: { ...TRUST, spPrivateKeyPem: spKey.privateKeyPem } },
  },
  'internal-error': {
    fires: {
      entries: () => {
        const hostile = {
          get url(): string {
            throw new Error('boom');
          },
        } as unknown as TraceEntry;
        return [...cleanFlow(), hostile];
      },
    },
    severity: 'error',
    quiet: { entries: () => cleanFlow() },
  },
  'config-invalid': {
    fires: { entries: () => cleanFlow(), options: { profile: 'twilio-flex', accountSid: 'AC123' } },
    severity: 'error',
    says: /AC123/,
    quiet: { entries: () => cleanFlow(), options: { profile: 'twilio-flex', accountSid: `AC${'0123456789abcdef'.repeat(2)}` } },
  },
  'config-incomplete': {
    fires: { entries: () => cleanFlow(), options: { profile: 'twilio-flex' } },
    severity: 'info',
    quiet: { entries: () => cleanFlow(), options: { profile: 'twilio-flex', accountSid: `AC${'0123456789abcdef'.repeat(2)}` } },
  },
};
