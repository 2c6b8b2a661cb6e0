import { describe, expect, it } from 'vitest';
import { analyze, analyzeText } from '../../../lib/core/analyze';
import { explainStatus, statusFix, STATUS_CODES } from '../../../lib/core/status-codes';
import { buildLogoutRequest, signXml } from '../../../lib/samlgen';
import { ACS, SP_ENTITY, SSO, TRUST, at, authnRequest, cleanFlow, idpKey, postEntry, redirectEntry, response } from './build';
import { findingsOf } from './find';

/** A second bearer confirmation, as some IdPs add one per ACS; the SP needs only one it can accept. */
function withSecondConfirmation(xml: string, attrs: string): string {
  return xml.replace(
    '</saml:SubjectConfirmation>',
    `</saml:SubjectConfirmation><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData ${attrs}/></saml:SubjectConfirmation>`,
  );
}

describe('several bearer confirmations', () => {
  it('accept the assertion when one confirmation fits', async () => {
    const xml = withSecondConfirmation(response({}, []), `InResponseTo="_other" Recipient="https://elsewhere.example.test/acs" NotOnOrAfter="${at(-3600)}"`);
    const report = await analyze([postEntry('SAMLResponse', xml)], { acsUrl: ACS });
    for (const slug of ['recipient-mismatch', 'in-response-to-mismatch', 'assertion-expired']) expect(findingsOf(report, slug), slug).toEqual([]);
  });

  it('report each one when none fits', async () => {
    const xml = withSecondConfirmation(response({ recipient: 'https://a.example.test/acs' }, []), 'Recipient="https://b.example.test/acs"');
    const report = await analyze([postEntry('SAMLResponse', xml)], { acsUrl: ACS });
    expect(findingsOf(report, 'recipient-mismatch').map((f) => f.location)).toEqual([
      '/Response/Assertion/Subject/SubjectConfirmation[1]',
      '/Response/Assertion/Subject/SubjectConfirmation[1]',
      '/Response/Assertion/Subject/SubjectConfirmation[2]',
      '/Response/Assertion/Subject/SubjectConfirmation[2]',
    ]);
  });
});

describe('messages without a capture time', () => {
  it('report an odd validity window as a warning, since the SP judged it by its own clock', async () => {
    const { report } = await analyzeText(response({ notBefore: at(600), notOnOrAfter: at(1200), subjectNotOnOrAfter: at(1200) }), TRUST);
    expect(findingsOf(report, 'assertion-not-yet-valid').map((f) => f.severity)).toEqual(['warning']);
  });

  it('still call a window that is never open an error', async () => {
    const { report } = await analyzeText(response({ notBefore: at(600), notOnOrAfter: at(60) }), TRUST);
    expect(findingsOf(report, 'assertion-expired').find((f) => f.message.includes('never valid'))?.severity).toBe('error');
  });
});

describe('logout requests', () => {
  it('accept an EncryptedID in place of the NameID', async () => {
    const xml = buildLogoutRequest({ issueInstant: at(0) }).replace(
      /<saml:NameID[^>]*>[^<]*<\/saml:NameID>/,
      '<saml:EncryptedID><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"/></saml:EncryptedID>',
    );
    const { report } = await analyzeText(xml);
    expect(report.messages[0]?.kind).toBe('LogoutRequest');
    expect(findingsOf(report, 'nameid-missing')).toEqual([]);
    const bare = await analyzeText(buildLogoutRequest({ issueInstant: at(0) }).replace(/<saml:NameID[^>]*>[^<]*<\/saml:NameID>/, ''));
    expect(findingsOf(bare.report, 'nameid-missing').map((f) => f.severity)).toEqual(['error']);
  });
});

describe('status codes', () => {
  it('explain every code FIELD-NOTES.md names', () => {
    for (const name of ['Requester', 'Responder', 'InvalidNameIDPolicy', 'AuthnFailed', 'NoPassive', 'RequestDenied', 'RequestUnsupported', 'VersionMismatch', 'NoAuthnContext', 'UnknownPrincipal']) {
      const info = STATUS_CODES[`urn:oasis:names:tc:SAML:2.0:status:${name}`];
      expect(info?.name, name).toBe(name);
      expect(info!.meaning.length).toBeGreaterThan(20);
    }
  });

  it('explain the most specific code and quote the StatusMessage', () => {
    const text = explainStatus('urn:oasis:names:tc:SAML:2.0:status:Responder', ['urn:oasis:names:tc:SAML:2.0:status:RequestDenied'], 'user not assigned');
    expect(text).toMatch(/^Responder \/ RequestDenied: The IdP chose not to answer/);
    expect(text).toContain('The IdP says: "user not assigned".');
    expect(explainStatus('urn:example:custom', [])).toContain('not one SAML 2.0 defines');
  });

  it('give the AD FS transform-rule fix for InvalidNameIDPolicy', () => {
    const fix = statusFix('urn:oasis:names:tc:SAML:2.0:status:Requester', ['urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy']);
    expect(fix?.adfs).toContain('Transform an Incoming Claim');
    expect(fix?.['entra-id']).toContain('Name ID');
    expect(fix?.okta).toContain('Name ID format');
  });

  it('treat NoPassive as the normal answer to a passive probe', async () => {
    const entries = cleanFlow({ status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Responder', subCode: 'urn:oasis:names:tc:SAML:2.0:status:NoPassive' } }, ['root']);
    const probing = redirectEntry('SAMLRequest', authnRequest({ isPassive: true }));
    const report = await analyze([probing, entries[1]!], TRUST);
    expect(findingsOf(report, 'status-error').map((f) => f.severity)).toEqual(['info']);
    expect(findingsOf(await analyze(entries, TRUST), 'status-error').map((f) => f.severity)).toEqual(['error']);
  });
});

describe('several AudienceRestrictions', () => {
  /** The default flow's Response with a second AudienceRestriction listing `second`, signed after the change. */
  function twoRestrictions(second: string[]) {
    const extra = `<saml:AudienceRestriction>${second.map((a) => `<saml:Audience>${a}</saml:Audience>`).join('')}</saml:AudienceRestriction>`;
    const xml = signXml(response({}, []).replace('</saml:AudienceRestriction>', `</saml:AudienceRestriction>${extra}`), { key: idpKey, targets: ['root', 'assertion'] });
    return [redirectEntry('SAMLRequest', authnRequest(), SSO, at(-2)), postEntry('SAMLResponse', xml)];
  }

  it('void the assertion for the SP when one of them leaves it out, though another names it (each must hold)', async () => {
    const report = await analyze(twoRestrictions(['https://other-sp.example.test/']), { ...TRUST, spEntityId: SP_ENTITY });
    const found = findingsOf(report, 'audience-mismatch');
    expect(found.map((f) => [f.severity, f.location])).toEqual([['error', '/Response/Assertion/Conditions/AudienceRestriction[2]']]);
    expect(found[0]!.message).toContain('https://other-sp.example.test/');
  });

  it('accept the assertion when every one of them names the SP', async () => {
    const report = await analyze(twoRestrictions(['https://other-sp.example.test/', SP_ENTITY]), { ...TRUST, spEntityId: SP_ENTITY });
    expect(findingsOf(report, 'audience-mismatch')).toEqual([]);
  });
});

describe('NameIDPolicy "unspecified" under its 2.0 spelling', () => {
  it('asks for no particular format (Google as an SP sends it), so any NameID format answers it', async () => {
    const request = authnRequest({ nameIdPolicyFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:unspecified' });
    const flow = [redirectEntry('SAMLRequest', request, SSO, at(-2)), postEntry('SAMLResponse', response())];
    expect(findingsOf(await analyze(flow, TRUST), 'nameid-format')).toEqual([]);
    const specific = [redirectEntry('SAMLRequest', authnRequest({ nameIdPolicyFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent' }), SSO, at(-2)), postEntry('SAMLResponse', response())];
    expect(findingsOf(await analyze(specific, TRUST), 'nameid-format').map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('HTTP-POST-SimpleSign (SigAlg and Signature form fields, as Shibboleth sends when asked)', () => {
  const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
  async function simpleSigned(tamper?: (fields: Array<[string, string]>) => void) {
    const { sign } = await import('node:crypto');
    const xml = response({}, []);
    const signature = sign('sha256', Buffer.from(`SAMLResponse=${xml}&RelayState=rs-1&SigAlg=${RSA_SHA256}`), idpKey.privateKeyPem).toString('base64');
    const fields: Array<[string, string]> = [['RelayState', 'rs-1'], ['SigAlg', RSA_SHA256], ['Signature', signature]];
    tamper?.(fields);
    const entry = postEntry('SAMLResponse', xml, ACS, at(2), fields);
    return analyze([redirectEntry('SAMLRequest', authnRequest(), SSO, at(-2), { relayState: 'rs-1' }), entry], TRUST);
  }

  it('an unsigned Response signed by the form signature is signed: the signature verifies, no message-unsigned', async () => {
    const report = await simpleSigned();
    const m = report.messages[1]!;
    expect(m.signatures.map((s) => [s.form, s.status])).toEqual([['redirect-query', 'valid']]);
    expect(m.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual([]);
  });

  it('a RelayState changed after signing breaks it', async () => {
    const report = await simpleSigned((fields) => (fields[0] = ['RelayState', 'rs-2']));
    const m = report.messages[1]!;
    expect(m.signatures.map((s) => s.status)).toEqual(['invalid']);
    expect(m.findings.find((f) => f.rule === 'signature-invalid')?.message).toContain('HTTP-POST-SimpleSign signature does not verify');
  });
});
