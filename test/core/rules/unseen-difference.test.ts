// Values that print alike but are not the same: an invisible character or a letter of another script, pasted
// into the IdP's or the SP's settings. The SP compares the characters, so the finding names the one that differs.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import { ACS, IDP_ENTITY, SP_ENTITY, TRUST, postEntry, response } from './build';
import { allFindings } from './find';

const expectations = { ...TRUST, idpEntityId: IDP_ENTITY, spEntityId: SP_ENTITY, acsUrl: ACS };

/** Every message of the rule's findings, its grouped instances included. */
async function messages(xml: string, slug: string, options = expectations): Promise<string[]> {
  const report = await analyze([postEntry('SAMLResponse', xml)], options);
  return allFindings(report)
    .filter((f) => f.rule === slug)
    .flatMap((f) => (f.instances?.length ? f.instances.map((i) => i.message) : [f.message]));
}

describe('a value that looks like the expected one', () => {
  it('with a no-break space after it is not the same entity ID (String.trim would remove it, an SP does not)', async () => {
    const found = await messages(response({ issuer: `${IDP_ENTITY}\u00a0` }), 'issuer-mismatch');
    expect(found.length).toBeGreaterThan(0);
    for (const m of found) expect(m).toContain(`differ at character ${IDP_ENTITY.length + 1}: the message has an invisible U+00A0 at the end`);
  });

  it('with a Cyrillic letter: the finding names it and the letter it looks like', async () => {
    const lookalike = IDP_ENTITY.replace('example', 'ex\u0430mple');
    const found = await messages(response({ issuer: lookalike }), 'issuer-mismatch');
    expect(found.length).toBeGreaterThan(0);
    const at = lookalike.indexOf('\u0430') + 1;
    for (const m of found) expect(m).toContain(`differ at character ${at}: the message has "\u0430" (U+0430, not the ASCII letter it may look like) where "a" is expected`);
  });

  it('with a zero-width space in the Audience, the Destination or the Recipient', async () => {
    const zw = (url: string) => url.replace('example', 'exam\u200bple');
    for (const [xml, slug] of [
      [response({ audiences: [zw(SP_ENTITY)] }), 'audience-mismatch'],
      [response({ destination: zw(ACS) }), 'destination-mismatch'],
      [response({ recipient: zw(ACS) }), 'recipient-mismatch'],
    ] as const) {
      const found = await messages(xml, slug);
      expect(found.length, slug).toBeGreaterThan(0);
      for (const m of found) expect(m).toContain('the message has an invisible U+200B where "p" is expected');
    }
  });

  it('in the configured value rather than the message', async () => {
    const found = await messages(response(), 'issuer-mismatch', { ...expectations, idpEntityId: `\u2060${IDP_ENTITY}` });
    for (const m of found) expect(m).toContain('the expected value has an invisible U+2060 where the message has "h"');
  });

  it('says nothing more when the difference is plainly visible, or is only XML whitespace around the value', async () => {
    for (const m of await messages(response({ issuer: 'https://other-idp.example.test/metadata' }), 'issuer-mismatch')) expect(m).not.toMatch(/look alike/);
    expect(await messages(response({ issuer: `\n  ${IDP_ENTITY}\t` }), 'issuer-mismatch')).toEqual([]);
  });
});
