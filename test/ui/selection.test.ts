// What the panel shows when it opens, and what a click on a flow header opens (issue 9: the answer first).
import { describe, expect, it } from 'vitest';
import { buildRows } from '../../lib/ui/state/rows';
import { flowTarget, initialSelection } from '../../lib/ui/state/selection';
import { EMPTY_FILTER } from '../../lib/ui/state/filter';
import { finding, msg, report } from './fixtures';

const rowsOf = (r: ReturnType<typeof report>, showOthers = false) => buildRows(r, [], { showOthers, filter: EMPTY_FILTER });
const keyAt = (rows: ReturnType<typeof rowsOf>, i: number | undefined) => (i === undefined ? undefined : rows[i]?.key);

/** Three logins: #1 with an error, #2 with an error in its request only, #3 (the newest) clean. */
function threeLogins() {
  const messages = [
    msg(0, { kind: 'AuthnRequest', flow: 'f1' }),
    msg(1, { flow: 'f1', findings: [finding('signature-invalid', 'error')] }),
    msg(2, { kind: 'AuthnRequest', flow: 'f2', findings: [finding('acs-mismatch', 'error')] }),
    msg(3, { flow: 'f2', findings: [finding('nameid-format', 'info')] }),
    msg(4, { kind: 'AuthnRequest', flow: 'f3' }),
    msg(5, { flow: 'f3' }),
  ];
  return report(messages, [
    { id: 'f1', messages: [0, 1], kind: 'sp-initiated', worst: 'error' },
    { id: 'f2', messages: [2, 3], kind: 'sp-initiated', worst: 'error' },
    { id: 'f3', messages: [4, 5], kind: 'sp-initiated' },
  ]);
}

describe('selection when the panel opens', () => {
  it('selects the worst message of the newest flow with an error, not the newest flow', () => {
    const r = threeLogins();
    const rows = rowsOf(r);
    expect(keyAt(rows, initialSelection(r, rows))).toBe('m:2');
  });

  it('selects the newest message when nothing is wrong, and nothing when there is no message', () => {
    const r = report([msg(0, { flow: 'f1' }), msg(1, { flow: 'f1' })], [{ id: 'f1', messages: [0, 1], kind: 'sp-initiated' }]);
    const rows = rowsOf(r);
    expect(keyAt(rows, initialSelection(r, rows))).toBe('m:1');
    expect(initialSelection(report([], []), [])).toBeUndefined();
  });

  it('in the chronological list (no flow headers) takes the newest message with an error', () => {
    const r = threeLogins();
    const rows = rowsOf(r, true);
    expect(keyAt(rows, initialSelection(r, rows))).toBe('m:2');
  });
});

describe('a click on a flow header', () => {
  it("opens the flow's message with the worst findings (the first of equals)", () => {
    const r = threeLogins();
    const rows = rowsOf(r);
    const header = (id: string) => rows.findIndex((row) => row.key === `f:${id}`);
    expect(keyAt(rows, flowTarget(r, rows, header('f1')))).toBe('m:1');
    expect(keyAt(rows, flowTarget(r, rows, header('f3')))).toBe('m:4');
  });

  it('numbers flows and gives each header the time its flow started', () => {
    const r = threeLogins();
    r.messages[2] = { ...r.messages[2]!, capturedAt: '2024-05-01T10:00:05.000Z' };
    const head = rowsOf(r).find((row) => row.key === 'f:f2');
    expect(head?.type === 'flow' && [head.label, head.at]).toEqual(['#2', '2024-05-01T10:00:05.000Z']);
  });
});
