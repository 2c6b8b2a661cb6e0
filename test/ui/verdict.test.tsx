// Issue 9: the panel and the viewer show the core's verdict first, in one line, coloured by its level.
import { describe, expect, it } from 'vitest';
import { Verdict } from '../../lib/ui/components/Verdict';
import { Findings } from '../../lib/ui/components/Findings';
import type { Finding } from '../../lib/core/model';
import { ruleInfo } from '../../lib/ui/engine';
import { expand, allHosts, allText } from './expand';

describe('Verdict', () => {
  it('shows the verdict sentence with its mark and level, then the rest of a multi-line fix', () => {
    const out = expand(
      <Verdict verdict={{ level: 'error', text: 'Refused by the SP: 1 required claim is namespaced (emailaddress → email). Fix: rename it.', fix: 'rename it.\nThen sign in again.' }} />,
    );
    const [box] = allHosts(out).filter((h) => String(h.props['class']).includes('sl-verdict-error'));
    expect(box?.props['role']).toBe('status');
    expect(allText(out)).toContain('✗ Refused by the SP: 1 required claim is namespaced (emailaddress → email). Fix: rename it.');
    expect(allText(out)).toContain('Then sign in again.');
  });

  it('renders nothing without a verdict (a report made before issue 9)', () => {
    expect(allText(expand(<Verdict verdict={undefined} />))).toBe('');
  });
});

describe('Findings: one card per cause', () => {
  const findings: Finding[] = [
    { rule: 'attribute-namespaced', severity: 'error', message: 'Attribute name is a URI where a bare name is expected: 2 instances (emailaddress → email, role → roles).' },
    { rule: 'attribute-missing', severity: 'error', message: 'Required attribute missing: 2 instances (email, roles).', causedBy: 'attribute-namespaced' },
    { rule: 'assertion-expired', severity: 'error', message: 'The assertion expired.' },
  ];
  const cards = (list: Finding[]) => allHosts(expand(<Findings findings={list} lookup={ruleInfo} />)).filter((h) => String(h.props['class']).startsWith('sl-finding sl-finding-'));

  it('tells a consequence under its cause, not as a card of its own', () => {
    const out = expand(<Findings findings={findings} lookup={ruleInfo} />);
    expect(cards(findings)).toHaveLength(2);
    expect(allText(out).replace(/\s+/g, ' ')).toContain('Also attribute-missing (error), same cause: Required attribute missing: 2 instances (email, roles).');
  });

  it('keeps a consequence whose cause is not in the list as a card of its own (nothing is hidden)', () => {
    expect(cards(findings.slice(1))).toHaveLength(2);
  });
});
