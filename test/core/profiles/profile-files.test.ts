// Profile documents: the JSON a person writes (--profile-file, Settings), the validator's messages for every kind
// of bad input, the published JSON Schema agreeing with the validator, and the built-in profiles going through
// the same mechanism.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import { builtinProfiles, getBuiltinDocument, parseProfileText, resolveExpectations, resolveProfile, validateProfileDocument } from '../../../lib/core/profiles';
import { BUILTIN_DOCUMENTS } from '../../../lib/core/profiles/builtin';
import { isRegistered } from '../../../lib/core/rules/registry';
import { NAMEID } from '../../../lib/samlgen';
import { TRUST, cleanFlow } from '../rules/build';
import { findingsOf } from '../rules/find';
import { compile } from './json-schema-subset';

const root = join(import.meta.dirname, '..', '..', '..');
const ACME_TEXT = readFileSync(join(root, 'test/fixtures/profiles/acme-hr.json'), 'utf8');
const ACME = JSON.parse(ACME_TEXT) as Record<string, unknown>;
const schema = JSON.parse(readFileSync(join(root, 'lib/core/profiles/profile.schema.json'), 'utf8')) as object;
const schemaCheck = compile(schema as Record<string, unknown>);

const errorsOf = (value: unknown) => validateProfileDocument(value, { isKnownRule: isRegistered }).errors;

describe('the example profile of issue 10, exactly as given', () => {
  it('validates against the validator and the published schema', () => {
    expect(errorsOf(ACME)).toEqual([]);
    expect(schemaCheck(ACME)).toBe(true);
  });

  it('resolves to the requirements it states, with what they imply', () => {
    const { profile, errors } = resolveProfile(ACME, isRegistered);
    expect(errors).toEqual([]);
    expect(profile).toMatchObject({
      id: 'custom',
      name: 'Acme HR portal',
      bareAttributeNames: true,
      nameIdFormat: NAMEID.email,
      sign: { response: true, assertion: true },
      requireSha256: true,
      spEntityId: 'https://hr.acme.example/saml',
      acsUrl: 'https://hr.acme.example/saml/acs',
    });
    expect(profile!.requiredAttributes.map((a) => [a.name, a.purpose])).toEqual([
      ['email', 'the "email" attribute'],
      ['roles', 'access roles'],
    ]);
    // "groups" as written, and the usual spellings of a role claim besides.
    expect(profile!.requiredAttributes[1]!.aliases).toEqual(expect.arrayContaining(['groups', 'role', 'memberof']));
    expect(profile!.severities).toMatchObject({
      'attribute-namespaced': 'error',
      'weak-algorithm': 'error',
      'response-unsigned': 'error',
      'assertion-unsigned': 'error',
      'nameid-format': 'error',
    });
  });

  it('judges a flow: a transient NameID and a missing "roles" attribute are errors', async () => {
    const flow = cleanFlow({
      nameId: { value: 'x1', format: NAMEID.transient },
      attributes: [{ name: 'email', values: ['alice@example.test'] }],
    });
    const report = await analyze(flow, { ...TRUST, profileDocument: ACME });
    expect(report.summary.profile).toBe('custom');
    expect(findingsOf(report, 'attribute-missing').map((f) => [f.severity, f.message])).toEqual([
      ['error', 'Attribute "roles" (access roles) is missing; Acme HR portal needs it.'],
    ]);
    expect(findingsOf(report, 'nameid-format').map((f) => f.severity)).toEqual(['error']);
    expect(findingsOf(report, 'nameid-format')[0]!.message).toContain(`Acme HR portal requires ${NAMEID.email}`);
    expect(findingsOf(report, 'audience-mismatch')[0]?.message).toContain('https://hr.acme.example/saml');
  });
});

describe('profile validation: a clear message naming the field and what was expected', () => {
  const cases: Array<[string, unknown, string]> = [
    ['not an object', [], 'profile: expected a JSON object, got an array of 0'],
    ['null', null, 'profile: expected a JSON object, got null'],
    ['no name', { extends: 'generic' }, 'name: expected a non-empty string, got undefined'],
    ['name of the wrong type', { name: 42 }, 'name: expected a non-empty string, got number 42'],
    ['boolean as a string', { name: 'x', bareAttributeNames: 'yes' }, 'bareAttributeNames: expected true or false, got "yes"'],
    ['attributes not a list', { name: 'x', requiredAttributes: 'email' }, 'requiredAttributes: expected an array, got "email"'],
    ['attribute of the wrong type', { name: 'x', requiredAttributes: ['email', 7] }, 'requiredAttributes[1]: expected an attribute name or an object with "name", got number 7'],
    ['attribute without a name', { name: 'x', requiredAttributes: [{ purpose: 'p' }] }, 'requiredAttributes[0].name: expected a non-empty string, got undefined'],
    ['aliases not a list', { name: 'x', requiredAttributes: [{ name: 'roles', aliases: 'groups' }] }, 'requiredAttributes[0].aliases: expected an array of strings, got "groups"'],
    ['sign of the wrong type', { name: 'x', sign: true }, 'sign: expected an object like {"response": true, "assertion": false}, got boolean true'],
    ['sign.response a string', { name: 'x', sign: { response: 'true' } }, 'sign.response: expected true or false, got "true"'],
    ['unknown field', { name: 'x', requireSHA256: true }, 'requireSHA256: unknown field; expected one of id, name, summary'],
    ['unknown field inside', { name: 'x', sign: { message: true } }, 'sign.message: unknown field; expected one of response, assertion'],
    ['severity value', { name: 'x', severities: { 'attribute-missing': 'fatal' } }, 'severities.attribute-missing: expected "error", "warning" or "info", got "fatal"'],
    ['severity of no rule', { name: 'x', severities: { 'attribute-mising': 'error' } }, 'severities.attribute-mising: no rule has this slug'],
    ['id with capitals', { name: 'x', id: 'Acme HR' }, 'id: expected lower-case letters, digits and dashes (e.g. "acme-hr"), got "Acme HR"'],
    ['extends a number', { name: 'x', extends: 3 }, 'extends: expected a profile id or a profile object, got number 3'],
    ['extends itself', { name: 'x', id: 'acme', extends: 'acme' }, 'extends: the profile "acme" extends itself'],
    ['huge string', { name: 'x'.repeat(5000) }, 'name: expected a string of at most 2048 characters, got a string of 5000 characters'],
    ['huge list', { name: 'x', requiredAttributes: Array(500).fill('a') }, 'requiredAttributes: expected at most 200 attributes, got an array of 500'],
  ];
  for (const [what, value, message] of cases) {
    it(what, () => {
      const errors = errorsOf(value);
      expect(errors.some((e) => e.startsWith(message)), `${errors.join('\n')}`).toBe(true);
      expect(resolveProfile(value, isRegistered).profile).toBeUndefined();
    });
  }

  it('deeply nested extends stops at 8 levels instead of recursing on', () => {
    let doc: Record<string, unknown> = { name: 'base' };
    for (let i = 0; i < 5000; i++) doc = { name: `level ${i}`, extends: doc };
    const errors = errorsOf(doc);
    expect(errors.join('\n')).toMatch(/extends: expected at most 8 levels of extends/);
  });

  it('extends an unknown built-in: says which ones exist', () => {
    expect(resolveProfile({ name: 'x', extends: 'okta' }).errors).toEqual([
      'extends: expected a built-in profile (generic, twilio-console, twilio-flex, sendgrid, aws-iam-identity-center, atlassian-cloud, github-enterprise-cloud, google-workspace, slack), got "okta"',
    ]);
  });

  it('a profile that comes back to itself through extends is refused, not followed forever', () => {
    const inner = { name: 'inner', id: 'loop', extends: 'loop' };
    expect(resolveProfile({ name: 'outer', id: 'outer', extends: { ...inner } }).errors[0]).toMatch(/extends: the profile "loop" extends itself/);
    expect(resolveProfile({ name: 'a', id: 'a', extends: { name: 'b', id: 'b', extends: 'a' } }).errors[0]).toMatch(/extends\.extends: the profile "a" extends itself/);
  });

  it('names the first twenty mistakes of a file full of them, not thousands', () => {
    const doc = { name: 'x', requiredAttributes: Array(150).fill(1) };
    expect(errorsOf(doc)).toHaveLength(20);
  });

  it('huge or broken JSON text is refused with a reason before parsing', () => {
    expect(parseProfileText(' '.repeat(300 * 1024) + '{}').error).toMatch(/at most 262144 are read/);
    expect(parseProfileText('{ "name": ').error).toMatch(/^not valid JSON \(/);
    expect(parseProfileText(ACME_TEXT).value).toEqual(ACME);
  });

  it('a profile that does not validate: judging goes on with the generic profile, saying so once', async () => {
    const bad = { name: 'Acme', requiredAttributes: [{ name: 'roles', aliases: 'groups' }], nameIdFormat: 5 };
    const e = resolveExpectations({ profileDocument: bad });
    expect(e.profile.id).toBe('generic');
    expect(e.problems).toEqual([
      {
        rule: 'config-invalid',
        message:
          'Profile "Acme" cannot be used: nameIdFormat: expected a string, got number 5; requiredAttributes[0].aliases: expected an array of strings, got "groups". Judging with the generic profile instead.',
      },
    ]);
    const report = await analyze(cleanFlow({ attributes: [] }), { ...TRUST, profileDocument: bad });
    expect(findingsOf(report, 'config-invalid').map((f) => f.severity)).toEqual(['error']);
    expect(findingsOf(report, 'attribute-missing')).toEqual([]);
    expect(report.messages.length).toBe(2);
  });
});

describe('the JSON Schema and the validator agree', () => {
  const valid: unknown[] = [
    ACME,
    { name: 'Minimal' },
    { name: 'Inline base', extends: { name: 'Base', requiredAttributes: ['uid'] } },
    { $schema: './profile.schema.json', id: 'acme-2', name: 'All fields', summary: 's', sources: ['https://example.test/doc'], refusedNameIdFormats: [NAMEID.transient], nameIdEmail: true, requireResponseIssuer: false, jitOnlyIdpInitiated: false, acceptsEncryptedAssertions: false, readsFirstAttributeOnly: true, accountSid: { acsUrl: 'a', spEntityId: 'b' }, severities: { 'nameid-format': 'info' }, requiredAttributes: [{ name: 'mail', aliases: ['email'], purpose: 'p', nameFormat: 'n', friendlyName: 'f', source: 'https://x' }] },
    ...BUILTIN_DOCUMENTS,
  ];
  // The two checks the schema cannot express (a self-reference by id, more than 8 levels) are tested above.
  const invalid: unknown[] = [
    [], null, 'profile', {}, { name: '' }, { name: '   ' }, { name: 1 }, { name: 'x', surprise: 1 }, { name: 'x', id: 'UPPER' },
    { name: 'x', extends: '' }, { name: 'x', extends: 1 }, { name: 'x', extends: { nameless: true } },
    { name: 'x', requiredAttributes: {} }, { name: 'x', requiredAttributes: [''] }, { name: 'x', requiredAttributes: [{ name: 'a', extra: 1 }] },
    { name: 'x', requiredAttributes: [{ name: 'a', aliases: [1] }] }, { name: 'x', sources: 'https://x' }, { name: 'x', sign: { response: 1 } },
    { name: 'x', sign: { envelope: true } }, { name: 'x', requireSha256: 'true' }, { name: 'x', severities: { 'weak-algorithm': 'fatal' } },
    { name: 'x', severities: { 'Weak Algorithm': 'error' } }, { name: 'x', severities: [] }, { name: 'x', accountSid: { acsUrl: 'a' } },
    { name: 'x', nameIdFormat: ['a'] }, { name: 'x'.repeat(3000) }, { name: 'x', requiredAttributes: Array(201).fill('a') },
  ];
  for (const [i, v] of valid.entries()) {
    it(`valid example ${i + 1} passes both`, () => {
      expect(validateProfileDocument(v).errors).toEqual([]);
      expect(schemaCheck(v)).toBe(true);
    });
  }
  for (const [i, v] of invalid.entries()) {
    it(`invalid example ${i + 1} (${JSON.stringify(v)?.slice(0, 60)}) fails both`, () => {
      expect(validateProfileDocument(v).errors.length).toBeGreaterThan(0);
      expect(schemaCheck(v)).toBe(false);
    });
  }
});

describe('built-in profiles are profile documents resolved like a person\'s file', () => {
  it('every built-in document validates (rule slugs included) and PROFILES is what resolving them gives', () => {
    expect(builtinProfiles().map((p) => p.id)).toEqual(BUILTIN_DOCUMENTS.map((d) => d.id));
    for (const doc of BUILTIN_DOCUMENTS) {
      expect(errorsOf(doc), doc.id).toEqual([]);
      const { profile } = resolveProfile(doc, isRegistered);
      expect(builtinProfiles().find((p) => p.id === doc.id)).toEqual(profile);
    }
  });

  it('a file can extend a built-in: its requirements add to the base\'s', () => {
    const { profile } = resolveProfile({ name: 'Flex plus', extends: 'twilio-flex', requiredAttributes: ['department'], severities: { 'attribute-missing': 'warning' } });
    expect(profile!.requiredAttributes.map((a) => a.name)).toEqual(['email', 'full_name', 'roles', 'department']);
    expect(profile!.accountSid).toEqual(getBuiltinDocument('twilio-flex')!.accountSid);
    expect(profile!.severities['attribute-missing']).toBe('warning');
    expect(profile!.severities['assertion-unsigned']).toBe('error');
  });

  it('each profile of a third-party SP cites public documentation', () => {
    for (const id of ['aws-iam-identity-center', 'atlassian-cloud', 'github-enterprise-cloud', 'google-workspace', 'slack']) {
      const p = builtinProfiles().find((x) => x.id === id)!;
      expect(p.sources.length, id).toBeGreaterThan(0);
      for (const s of p.sources) expect(s).toMatch(/^https:\/\//);
    }
  });
});
