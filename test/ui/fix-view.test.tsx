import { describe, expect, it } from 'vitest';
import { FindingCard } from '../../lib/ui/components/Findings';
import { getRule } from '../../lib/core/rules';
import { expand, allHosts, allText, type HostNode } from './expand';
import { finding } from './fixtures';

const rule = getRule('response-unsigned')!;
const byClass = (nodes: Array<HostNode | string>, c: string) => allHosts(nodes).filter((h) => String(h.props['class'] ?? '').split(' ').includes(c));

describe('finding card: the fix for the IdP in use', () => {
  it('shows the AD FS fix open first and the general fix and other IdPs in one closed disclosure', () => {
    const out = expand(<FindingCard finding={finding('response-unsigned', 'error')} rule={rule} idp="adfs" />);
    const [first] = byClass(out, 'sl-fix-first');
    expect(allText([first!])).toContain('How to fix on AD FS');
    expect(allText([first!])).toContain(rule.fix.adfs!);
    const disclosures = byClass(out, 'sl-fix-others');
    expect(disclosures).toHaveLength(1);
    expect(disclosures[0]!.tag).toBe('details');
    expect(disclosures[0]!.props['open']).toBeFalsy();
    const folded = allText(disclosures);
    expect(folded).toContain('General fix and other IdPs');
    expect(folded).toContain(rule.fix.general);
    expect(folded).toContain(rule.fix.okta!);
    expect(folded).not.toContain(rule.fix.adfs!);
    // The first fix comes before the disclosure.
    const text = allText(out);
    expect(text.indexOf(rule.fix.adfs!)).toBeLessThan(text.indexOf('General fix and other IdPs'));
  });

  it('shows the general fix first and every documented IdP folded when the IdP is unknown', () => {
    const out = expand(<FindingCard finding={finding('response-unsigned', 'error')} rule={rule} />);
    expect(allText(byClass(out, 'sl-fix-first'))).toContain(rule.fix.general);
    const folded = byClass(out, 'sl-fix-others');
    expect(allText(folded)).toContain('Other IdPs');
    expect(byClass(folded, 'sl-fix-idp').map((h) => allText(h.children.slice(0, 1)))).toEqual(
      expect.arrayContaining(['Microsoft Entra ID', 'AD FS', 'Okta', 'Google Workspace', 'Keycloak']),
    );
  });
});
