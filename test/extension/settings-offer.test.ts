import { describe, expect, it } from 'vitest';
import { OFFER_MESSAGE, readOffer } from '../../lib/extension/offer-read';

const settings = { profile: 'twilio-flex', spEntityId: 'http://127.0.0.1:7001/metadata', trustedCertificates: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'] };

describe('settings offered by a page', () => {
  it('are kept from a loopback page, expectation fields only', () => {
    const offer = readOffer({ type: OFFER_MESSAGE, settings: { ...settings, spPrivateKeyPem: 'secret', keepAcrossRestart: true, theme: 'dark' } }, 'http://127.0.0.1:7001/');
    expect(offer).toEqual({ origin: 'http://127.0.0.1:7001', settings });
  });

  it('are refused from any other origin, whatever the manifest lets through', () => {
    for (const url of ['https://idp.example.com/', 'http://127.0.0.2/', 'file:///tmp/x.html', 'http://localhost.evil.test/', undefined]) {
      expect(readOffer({ type: OFFER_MESSAGE, settings }, url), String(url)).toBeUndefined();
    }
    expect(readOffer({ type: OFFER_MESSAGE, settings }, 'http://localhost:3000/')?.origin).toBe('http://localhost:3000');
  });

  it('ignore malformed messages and wrong types, and cap what they hold', () => {
    expect(readOffer(null, 'http://127.0.0.1/')).toBeUndefined();
    expect(readOffer({ type: 'other', settings }, 'http://127.0.0.1/')).toBeUndefined();
    expect(readOffer({ type: OFFER_MESSAGE, settings: { profile: 42, trustedCertificates: 'x' } }, 'http://127.0.0.1/')).toBeUndefined();
    const many = readOffer({ type: OFFER_MESSAGE, settings: { trustedCertificates: Array(10).fill('c'), acsUrl: 'x'.repeat(20_000) } }, 'http://127.0.0.1/');
    expect(many?.settings.trustedCertificates).toHaveLength(4);
    expect(many?.settings.acsUrl).toBeUndefined();
  });
});
