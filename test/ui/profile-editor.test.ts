// The Settings profile editor's state: where a profile starts, editing attributes, NameID format and signing,
// import and export, and the findings it implies when the draft is judged (as the panel does while editing).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/core/analyze';
import { parseMetadata } from '../../lib/core/xml';
import {
  attributesText,
  editableProfile,
  exportProfile,
  importProfile,
  profileStatus,
  startProfile,
  withAttributesText,
  withField,
  withProfileDocument,
  withSign,
} from '../../lib/ui/state/profile-editor';
import { analysisOptions, DEFAULT_SETTINGS } from '../../lib/ui/state/settings-form';
import { NAMEID } from '../../lib/samlgen';
import { TRUST, cleanFlow } from '../core/rules/build';
import { findingsOf } from '../core/rules/find';

const ACME_TEXT = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'profiles', 'acme-hr.json'), 'utf8');
const SP_MD = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://hr.acme.example/saml">
<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAssertionsSigned="true">
<md:NameIDFormat>${NAMEID.email}</md:NameIDFormat>
<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://hr.acme.example/saml/acs" index="0"/>
<md:AttributeConsumingService index="0"><md:ServiceName xml:lang="en">HR</md:ServiceName>
<md:RequestedAttribute Name="email" isRequired="true"/><md:RequestedAttribute Name="employeeNumber" FriendlyName="employee number" isRequired="true"/>
</md:AttributeConsumingService></md:SPSSODescriptor></md:EntityDescriptor>`;

describe('starting a profile', () => {
  it('from nothing, from a built-in profile (extending it), or from SP metadata', () => {
    expect(startProfile({ from: 'empty' })).toEqual({ name: 'My service provider', extends: 'generic' });
    expect(startProfile({ from: 'builtin', id: 'twilio-flex' })).toEqual({ name: 'Twilio Flex (my settings)', extends: 'twilio-flex' });
    const fromMd = startProfile({ from: 'metadata', metadata: parseMetadata(SP_MD).metadata! });
    expect(fromMd).toMatchObject({
      requiredAttributes: ['email', { name: 'employeeNumber', friendlyName: 'employee number' }],
      nameIdFormat: NAMEID.email,
      sign: { assertion: true },
    });
    expect(profileStatus(fromMd)).toEqual({
      ok: true,
      errors: [],
      requirements: [
        'attributes: email, employeeNumber (exact names)',
        `NameID format ${NAMEID.email}`,
        'signed: Assertion',
        'Audience https://hr.acme.example/saml',
        'ACS https://hr.acme.example/saml/acs',
      ],
    });
  });
});

describe('editing', () => {
  const base = startProfile({ from: 'empty' });

  it('required attributes as lines of "name | aliases | purpose", and back', () => {
    const doc = withAttributesText(base, 'email\n roles | groups, memberOf | access roles \n\n  | orphan alias');
    expect(doc.requiredAttributes).toEqual(['email', { name: 'roles', aliases: ['groups', 'memberOf'], purpose: 'access roles' }]);
    expect(attributesText(doc)).toBe('email\nroles | groups, memberOf | access roles');
    expect(withAttributesText(doc, '  ').requiredAttributes).toBeUndefined();
  });

  it('keeps what the text does not show (friendly name, NameFormat) when an attribute is edited', () => {
    const fromMd = startProfile({ from: 'metadata', metadata: parseMetadata(SP_MD).metadata! });
    const edited = withAttributesText(fromMd, 'email\nemployeeNumber | empno');
    expect(edited.requiredAttributes).toEqual(['email', { name: 'employeeNumber', friendlyName: 'employee number', aliases: ['empno'] }]);
  });

  it('NameID format and signing set and cleared; an empty value leaves no field behind', () => {
    let doc = withField(base, 'nameIdFormat', NAMEID.persistent);
    doc = withSign(withSign(doc, 'response', true), 'assertion', true);
    expect(doc).toMatchObject({ nameIdFormat: NAMEID.persistent, sign: { response: true, assertion: true } });
    doc = withSign(withSign(withField(doc, 'nameIdFormat', ''), 'response', false), 'assertion', false);
    expect(doc).toEqual(base);
  });

  it('a mistake is shown with its field, and the status says judging falls back to generic meanwhile', () => {
    expect(profileStatus({ ...base, name: ' ' })).toEqual({ ok: false, errors: ['name: expected a non-empty string, got " "'], requirements: [] });
  });
});

describe('import and export', () => {
  it('the example profile imports, and exports as JSON that imports back to the same profile', () => {
    const { doc, error } = importProfile(ACME_TEXT);
    expect(error).toBeUndefined();
    expect(doc).toEqual(JSON.parse(ACME_TEXT));
    expect(importProfile(exportProfile(doc!)).doc).toEqual(doc);
  });

  it('bad files are refused with a reason; nothing is imported', () => {
    expect(importProfile('{ "name": ').error).toMatch(/^Could not import the profile: not valid JSON/);
    expect(importProfile(' '.repeat(300_000)).error).toMatch(/at most 262144 are read/);
    expect(importProfile('{"name":"x","sign":"yes"}').error).toBe(
      'Could not import the profile: sign: expected an object like {"response": true, "assertion": false}, got "yes".',
    );
    expect(importProfile('{"name":"x","extends":"./base.json"}').error).toMatch(/extends "\.\/base\.json" is not a built-in profile; a file it names cannot be read here/);
    expect(importProfile('{"name":"x","id":"x","extends":"x"}').error).toMatch(/extends itself/);
    expect(importProfile('[]').doc).toBeUndefined();
  });
});

describe('the draft judged as it is edited', () => {
  it('a settings draft with the profile makes attribute-missing appear; without it, it goes', async () => {
    const doc = withAttributesText(startProfile({ from: 'empty' }), 'email\nroles');
    const draft = withProfileDocument({ ...DEFAULT_SETTINGS, trustedCertificates: TRUST.trustedCertificates }, doc);
    expect(editableProfile(draft)).toBe(doc);
    const flow = cleanFlow({ attributes: [{ name: 'email', values: ['a@example.test'] }] });
    const judged = await analyze(flow, analysisOptions(draft));
    expect(findingsOf(judged, 'attribute-missing').map((f) => f.message)).toEqual(['Attribute "roles" (the "roles" attribute) is missing; My service provider needs it.']);
    const without = withProfileDocument(draft, undefined);
    expect('profileDocument' in without).toBe(false);
    expect(findingsOf(await analyze(flow, analysisOptions(without)), 'attribute-missing')).toEqual([]);
  });

  it('a stored profile document that is not an object is not offered for editing', () => {
    expect(editableProfile({ ...DEFAULT_SETTINGS, profileDocument: 'x' })).toBeUndefined();
    expect(editableProfile({ ...DEFAULT_SETTINGS, profileDocument: [] })).toBeUndefined();
  });
});
