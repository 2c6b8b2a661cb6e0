// Issue 9: the panel and the viewer show the core's verdict first, in one line, coloured by its level.
import { describe, expect, it } from 'vitest';
import { Verdict } from '../../lib/ui/components/Verdict';
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
