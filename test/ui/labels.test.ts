import { describe, expect, it } from 'vitest';
import { directionLabel, formatFingerprint, hostOf, shortPath, urnTail } from '../../lib/ui/state/labels';
import { timeReference } from '../../lib/ui/state/time-reference';
import { msg, report } from './fixtures';

describe('labels', () => {
  it('names directions the way people say them', () => {
    expect(directionLabel('to-idp')).toBe('SP → IdP');
    expect(directionLabel('to-sp')).toBe('IdP → SP');
    expect(directionLabel('unknown')).toBe('—');
  });
  it('formats certificate fingerprints as colon-separated pairs', () => {
    expect(formatFingerprint('ab12cd')).toBe('AB:12:CD');
    expect(formatFingerprint('AB:12:CD')).toBe('AB:12:CD');
    expect(formatFingerprint(undefined)).toBe('');
  });
  it('shows hosts and short paths, and leaves non-URLs as they are', () => {
    expect(hostOf('https://idp.example.org:8443/sso?SAMLRequest=x')).toBe('idp.example.org:8443');
    expect(hostOf('pasted')).toBe('pasted');
    expect(shortPath('https://sp.example.com/acs?a=1')).toBe('/acs?…');
    expect(shortPath('https://sp.example.com/acs')).toBe('/acs');
  });
  it('shortens SAML URNs to their last part', () => {
    expect(urnTail('urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress')).toBe('emailAddress');
    expect(urnTail('plain')).toBe('plain');
  });
});

describe('time reference for validity windows', () => {
  it('uses each message’s capture time, the current time, or the chosen instant as the report says', () => {
    const m = msg(0, { capturedAt: '2024-05-01T10:00:00.000Z' });
    const r = report([m], []);
    expect(timeReference(r, m)).toEqual({ at: '2024-05-01T10:00:00.000Z', name: 'capture' });
    const now = () => new Date('2030-01-01T00:00:00Z');
    expect(timeReference({ ...r, summary: { ...r.summary, at: 'now' } }, m, now)).toEqual({ at: '2030-01-01T00:00:00.000Z', name: 'now' });
    expect(timeReference({ ...r, summary: { ...r.summary, at: '2024-01-01T00:00:00Z' } }, m)).toEqual({ at: '2024-01-01T00:00:00Z', name: 'the chosen time' });
  });
});
