import { describe, expect, it } from 'vitest';
import { validityWindowText, formatDuration } from '../../lib/ui/state/time-window';

const CAPTURE = '2024-05-01T10:00:00Z';

describe('validity window wording', () => {
  it('says the window relative to the capture time', () => {
    expect(validityWindowText('2024-05-01T09:58:00Z', '2024-05-01T10:05:00Z', CAPTURE)).toEqual({
      text: 'valid from 2 min before to 5 min after capture',
      state: 'inside',
    });
  });
  it('says when the message had expired at capture', () => {
    const w = validityWindowText('2024-05-01T09:00:00Z', '2024-05-01T09:55:00Z', CAPTURE);
    expect(w.state).toBe('expired');
    expect(w.text).toBe('valid from 60 min before to 5 min before capture (expired at capture)');
  });
  it('says when the message was not yet valid (IdP clock ahead)', () => {
    const w = validityWindowText('2024-05-01T10:03:00Z', '2024-05-01T10:08:00Z', CAPTURE);
    expect(w.state).toBe('not-yet');
    expect(w.text).toBe('valid from 3 min after to 8 min after capture (not yet valid at capture)');
  });
  it('treats NotOnOrAfter equal to the capture time as expired (on or after)', () => {
    expect(validityWindowText(undefined, CAPTURE, CAPTURE)).toEqual({ text: 'valid until capture (expired at capture)', state: 'expired' });
  });
  it('handles one-sided windows, other reference names and missing capture time', () => {
    expect(validityWindowText(undefined, '2024-05-01T10:00:30Z', CAPTURE).text).toBe('valid until 30 s after capture');
    expect(validityWindowText('2024-05-01T08:00:00Z', undefined, CAPTURE, 'now').text).toBe('valid from 2 h before now, no end');
    const w = validityWindowText('2024-05-01T09:58:00Z', '2024-05-01T10:05:00Z', undefined);
    expect(w.state).toBe('unknown');
    expect(w.text).toContain('2024-05-01T10:05:00Z');
  });
  it('reports unreadable times instead of inventing a window', () => {
    expect(validityWindowText('yesterday', undefined, CAPTURE)).toEqual({ text: 'unreadable time: yesterday', state: 'unknown' });
  });
  it('formats durations in the unit a person would use', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(-5 * 60_000)).toBe('5 min');
    expect(formatDuration(3 * 3600_000)).toBe('3 h');
    expect(formatDuration(3 * 86_400_000)).toBe('3 days');
  });
});
