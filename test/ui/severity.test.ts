import { describe, expect, it } from 'vitest';
import { orderFindings, worstSeverity, countBySeverity } from '../../lib/ui/state/severity';
import { finding } from './fixtures';

describe('findings order', () => {
  it('puts errors first, then warnings, then infos, keeping the engine order within one severity', () => {
    const list = [finding('a', 'info'), finding('b', 'warning'), finding('c', 'error'), finding('d', 'warning'), finding('e', 'error')];
    expect(orderFindings(list).map((f) => f.rule)).toEqual(['c', 'e', 'b', 'd', 'a']);
    expect(list.map((f) => f.rule)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  it('finds the worst severity and counts', () => {
    expect(worstSeverity([finding('a', 'info'), finding('b', 'warning')])).toBe('warning');
    expect(worstSeverity([])).toBeUndefined();
    expect(countBySeverity([finding('a', 'info'), finding('b', 'info'), finding('c', 'error')])).toEqual({ error: 1, warning: 0, info: 2 });
  });
});
