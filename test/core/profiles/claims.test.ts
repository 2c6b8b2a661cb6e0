// Claim names of Entra ID, AD FS, Okta and Google are lookalikes of the bare names profiles want.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../lib/core/analyze';
import type { AttributeView } from '../../../lib/core/model';
import { getProfile, type RequiredAttribute } from '../../../lib/core/profiles';
import { IDP_CLAIMS, type ClaimMeaning } from '../../../lib/core/profiles/claims';
import { lookalikes, partLookalikes } from '../../../lib/core/rules/attribute-match';
import { buildResponse } from '../../../lib/samlgen';

const wanted = (profile: string, name: string): RequiredAttribute => getProfile(profile)!.requiredAttributes.find((a) => a.name === name)!;
const attribute = (name: string): AttributeView => ({ name, values: ['x'], path: '/Response/Assertion/AttributeStatement/Attribute' });

/** The bare attribute of a built-in profile each meaning stands in for, and whether it is the whole value or a part. */
const STANDS_FOR: Record<ClaimMeaning, { attribute: RequiredAttribute; part?: true }[]> = {
  email: [{ attribute: wanted('twilio-flex', 'email') }],
  name: [{ attribute: wanted('twilio-flex', 'full_name') }],
  displayName: [{ attribute: wanted('twilio-flex', 'full_name') }],
  givenName: [{ attribute: wanted('sendgrid', 'FirstName') }, { attribute: wanted('twilio-flex', 'full_name'), part: true }],
  surname: [{ attribute: wanted('sendgrid', 'LastName') }, { attribute: wanted('twilio-flex', 'full_name'), part: true }],
  groups: [{ attribute: wanted('twilio-flex', 'roles') }],
  role: [{ attribute: wanted('twilio-flex', 'roles') }],
  upn: [{ attribute: { name: 'username', aliases: [], purpose: 'the login name' } }],
};

describe('IdP claim names', () => {
  const rows = Object.entries(IDP_CLAIMS).flatMap(([idp, claims]) => claims.map((c) => [idp, c.name, c.meaning] as const));

  it.each(rows)('%s %s is taken for what a profile wants under a bare name', (_idp, name, meaning) => {
    for (const { attribute: want, part } of STANDS_FOR[meaning]) {
      const found = (part ? partLookalikes : lookalikes)(want, [attribute(name)]);
      expect(found.map((a) => a.name), `${name} for ${want.name}`).toEqual([name]);
    }
  });

  it('covers name, given name, surname, display name, groups, role, UPN and e-mail for Entra ID and AD FS together', () => {
    const meanings = new Set([...IDP_CLAIMS['entra-id'], ...IDP_CLAIMS.adfs].map((c) => c.meaning));
    expect([...meanings].sort()).toEqual(['displayName', 'email', 'givenName', 'groups', 'name', 'role', 'surname', 'upn']);
  });

  it('tells a Flex user that AD FS sends the name as given name and surname under claim URIs', async () => {
    const C = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/';
    const xml = buildResponse({
      attributes: [
        { name: 'email', values: ['alice@example.test'] },
        { name: 'roles', values: ['agent'] },
        { name: `${C}givenname`, values: ['Alice'] },
        { name: `${C}surname`, values: ['Example'] },
      ],
    });
    const findings = (await analyzeText(xml, { profile: 'twilio-flex' })).report.messages[0]!.findings;
    const missing = findings.filter((f) => f.rule === 'attribute-missing');
    expect(missing.map((f) => f.message)).toEqual([
      `Attribute "full_name" (the worker's display name) is missing; Twilio Flex needs it. The value is there in parts, as "${C}givenname", "${C}surname"; Twilio Flex reads only "full_name", so send the whole value under that name.`,
    ]);
    // One finding for the cause (issue 9), each part an instance.
    expect(findings.filter((f) => f.rule === 'attribute-namespaced').flatMap((f) => f.instances?.map((i) => i.location) ?? [f.location])).toEqual([
      '/Response/Assertion/AttributeStatement/Attribute[3]',
      '/Response/Assertion/AttributeStatement/Attribute[4]',
    ]);
  });
});
