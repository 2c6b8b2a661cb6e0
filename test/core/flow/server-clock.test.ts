// A capture is judged at its capture time, unless the capturing machine's clock is visibly off: then the HTTP
// Date header of the exchange that carried the message (the SP's clock, for a Response posted to its ACS) is
// the clock that judged it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import type { TraceEntry } from '../../../lib/core/model';
import { cleanFlow, TRUST } from '../rules/build';

const MINUTE = 60_000;

/**
 * The clean flow as captured by a machine whose clock runs `behind` ms behind the servers', with each answer's
 * Date header `dateOffset` ms after the server time the message was sent at.
 */
function captured(behind: number, dateOffset = 0): TraceEntry[] {
  return cleanFlow().map((e) => {
    const server = Date.parse(e.capturedAt!);
    return { ...e, capturedAt: new Date(server - behind).toISOString(), responseHeaders: [{ name: 'Date', value: new Date(server + dateOffset).toUTCString() }] };
  });
}

const errors = (r: Awaited<ReturnType<typeof analyze>>) => r.messages.flatMap((m) => m.findings.filter((f) => f.severity === 'error').map((f) => f.rule));

describe('judging a capture whose machine clock is off', () => {
  it("a valid login captured by a laptop 10 minutes behind is judged at the servers' clock, not as not yet valid", async () => {
    expect(errors(await analyze(captured(10 * MINUTE), TRUST))).toEqual([]);
  });

  it('without Date headers the capture time is all there is, and there the assertion is not yet valid', async () => {
    const r = await analyze(captured(10 * MINUTE).map((e) => ({ ...e, responseHeaders: [] })), TRUST);
    expect(errors(r)).toContain('assertion-not-yet-valid');
  });

  it('a Date header within a minute of the capture time is not taken over it', async () => {
    // The laptop is 10 minutes behind, but the Date headers agree with it: nothing shows its clock is off.
    const r = await analyze(captured(10 * MINUTE, -10 * MINUTE + 30_000), TRUST);
    expect(errors(r)).toContain('assertion-not-yet-valid');
  });
});
