import { describe, expect, it } from 'vitest';
import { extractMessages } from '../../../lib/core/binding';
import { fromHarEntry, readInput } from '../../../lib/core/input';
import { exportEntries } from '../../../lib/core/trace';
import { buildAuthnRequest, buildResponse, encodePostValue, encodeRedirectQuery } from '../../../lib/samlgen';

const xml = buildResponse({ attributes: [{ name: 'email', values: ['ana@example.com'] }] });
const value = encodePostValue(xml);
const formBody = `SAMLResponse=${encodeURIComponent(value)}&RelayState=${encodeURIComponent('https://sp/app?a=1')}`;

function harEntry(request: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    startedDateTime: '2026-01-15T11:00:05.123+01:00',
    request: { method: 'POST', url: 'https://sp.example.test/acs', headers: [], queryString: [], ...request },
    response: { status: 200, statusText: 'OK', headers: [], redirectURL: '' },
    ...extra,
  };
}

const har = (creator: string, entries: unknown[]) => JSON.stringify({ log: { version: '1.2', creator: { name: creator }, entries } });

describe('HAR entries', () => {
  it('prefers postData.text (the exact body) and converts startedDateTime to UTC', () => {
    const e = fromHarEntry(
      harEntry({ postData: { mimeType: 'application/x-www-form-urlencoded', text: formBody, params: [{ name: 'junk', value: 'x' }] } }),
      3,
    );
    expect(e).toMatchObject({ id: 'har-3', source: 'har', method: 'POST', capturedAt: '2026-01-15T10:00:05.123Z' });
    expect(e?.formFields).toEqual([
      ['SAMLResponse', value],
      ['RelayState', 'https://sp/app?a=1'],
    ]);
  });

  it('reads a multipart/form-data body as the fields an SP framework hands its ACS (file parts too: some frameworks read them as fields)', () => {
    const body = [
      '------x',
      'Content-Disposition: form-data; name="SAMLResponse"',
      '',
      value,
      '------x',
      'Content-Disposition: form-data; name="upload"; filename="a.txt"',
      'Content-Type: text/plain',
      '',
      'not a field',
      '------x',
      'Content-Disposition: form-data; name="RelayState"',
      '',
      'https://sp/app?a=1',
      '------x--',
      '',
    ].join('\r\n');
    const e = fromHarEntry(harEntry({ postData: { mimeType: 'multipart/form-data; boundary=----x', text: body, params: [] } }), 0);
    expect(e?.formFields).toEqual([
      ['SAMLResponse', value],
      ['upload', 'not a field'],
      ['RelayState', 'https://sp/app?a=1'],
    ]);
    expect(extractMessages(e!).map((m) => m.parameter)).toEqual(['SAMLResponse']);
    // Where frameworks read a body differently (a boundary line ended by LF alone, an unquoted name), every
    // reading is kept: a forged part cannot hide behind the genuine one.
    const split = `------x\r\nContent-Disposition: form-data; name="SAMLResponse"\r\n\r\nGENUINE\n------x\nContent-Disposition: form-data; name=SAMLResponse\n\nFORGED\r\n------x--\r\n`;
    const both = fromHarEntry(harEntry({ postData: { mimeType: 'multipart/form-data; boundary=----x', text: split } }), 1)?.formFields ?? [];
    expect(both.map(([, v]) => v)).toEqual(expect.arrayContaining(['FORGED']));
    expect(both.some(([n, v]) => n === 'SAMLResponse' && v.startsWith('GENUINE'))).toBe(true);
    const hidden = `--B\r\nContent-Disposition: form-data; x=";name="; name="SAMLResponse"\r\n\r\nFORGED\r\n--B--\r\n`;
    const named = fromHarEntry(harEntry({ postData: { mimeType: 'multipart/form-data; boundary=B', text: hidden } }), 2)?.formFields ?? [];
    expect(named).toContainEqual(['SAMLResponse', 'FORGED']);
    // Exported and read again, nothing is lost: the fields travel form-urlencoded, and say so.
    const again = readInput(exportEntries([{ ...e!, requestHeaders: [{ name: 'Content-Type', value: 'multipart/form-data; boundary=----x' }] }], { format: 'har', profile: 'none' }).text);
    expect(again.entries[0]?.formFields).toEqual(e?.formFields);
  });

  // Chrome DevTools keeps params URL-encoded; Firefox and Playwright decode them (checked in their sources).
  it.each([
    ['WebInspector', encodeURIComponent(value), encodeURIComponent('https://sp/app?a=1')],
    ['Firefox', value, 'https://sp/app?a=1'],
    ['Playwright', value, 'https://sp/app?a=1'],
    ['Some Proxy', encodeURIComponent(value), encodeURIComponent('https://sp/app?a=1')],
    ['Other Tool', value, 'https://sp/app?a=1'],
  ])('falls back to params as %s writes them', (creator, samlValue, relay) => {
    const postData = {
      mimeType: 'application/x-www-form-urlencoded',
      params: [
        { name: 'SAMLResponse', value: samlValue },
        { name: 'RelayState', value: relay },
      ],
    };
    const { entries, problems } = readInput(har(creator, [harEntry({ postData })]));
    expect(problems).toEqual([]);
    expect(entries[0]?.formFields).toEqual([
      ['SAMLResponse', value],
      ['RelayState', 'https://sp/app?a=1'],
    ]);
    const [m] = extractMessages(entries[0]!);
    expect(m?.xml).toBe(xml);
    expect(m?.problems).toEqual([]);
  });

  it('keeps the raw URL exactly and takes redirectURL or the Location header', () => {
    const query = encodeRedirectQuery(buildAuthnRequest({}), { param: 'SAMLRequest', relayState: 'x y' });
    const url = `https://idp.example.test/sso?${query}`;
    const a = fromHarEntry(harEntry({ method: 'GET', url }, { response: { status: 302, headers: [], redirectURL: 'https://a/' } }), 0);
    expect(a?.url).toBe(url);
    expect(a?.redirectUrl).toBe('https://a/');
    const b = fromHarEntry(
      harEntry({ method: 'GET', url }, { response: { status: 302, headers: [{ name: 'location', value: 'https://b/' }] } }),
      1,
    );
    expect(b?.redirectUrl).toBe('https://b/');
    expect(b?.responseStatus).toBe(302);
  });

  it('returns undefined for something that is not an entry', () => {
    expect(fromHarEntry({ request: {} }, 0)).toBeUndefined();
    expect(fromHarEntry(null, 0)).toBeUndefined();
  });
});

describe('readInput on HAR files', () => {
  it('keeps the good entries when one is broken, reports the broken one, and keeps non-SAML traffic', () => {
    const text = har('WebInspector', [
      harEntry({ method: 'GET', url: 'https://sp/app.js' }),
      { request: 'garbage' },
      harEntry({ postData: { mimeType: 'application/x-www-form-urlencoded', text: formBody } }),
      harEntry({ method: 'GET', url: 'https://sp/logo.png' }),
    ]);
    const { format, entries, problems } = readInput(text, { name: 'flow.har' });
    expect(format).toBe('har');
    expect(entries.map((e) => e.id)).toEqual(['har-0', 'har-2', 'har-3']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: 'input-unrecognised', severity: 'warning' });
    expect(problems[0]?.message).toBe('flow.har: HAR entry 1 has no request URL; skipped.');
  });

  it('says when a HAR holds no SAML at all (and keeps its requests)', () => {
    const { entries, problems, counts } = readInput(har('WebInspector', [harEntry({ method: 'GET', url: 'https://x/' })]));
    expect(entries.map((e) => e.url)).toEqual(['https://x/']);
    expect(counts).toEqual({ read: 1, kept: 1, saml: 0 });
    expect(problems[0]?.message).toMatch(/holds 1 request and none carries a SAML message/);
  });

  it('reads a 50 MB HAR quickly, keeping the SAML entry and the noise within the body budget', () => {
    const noiseBody = 'x'.repeat(50_000);
    const noise = Array.from({ length: 1000 }, (_, i) =>
      harEntry({ method: 'POST', url: `https://cdn/x${i}`, postData: { mimeType: 'text/plain', text: noiseBody } }),
    );
    noise.splice(500, 0, harEntry({ postData: { mimeType: 'application/x-www-form-urlencoded', text: formBody } }));
    const text = har('WebInspector', noise);
    expect(text.length).toBeGreaterThan(50_000_000);
    const started = Date.now();
    const { entries, problems } = readInput(text);
    const elapsed = Date.now() - started;
    expect(entries).toHaveLength(1001);
    expect(entries.filter((e) => e.formFields?.some(([n]) => n === 'SAMLResponse')).map((e) => e.id)).toEqual(['har-500']);
    // 1,000 bodies of 50,000 characters: the first 1,000 fit the 50,000,000-character budget of non-SAML bodies.
    expect(entries.filter((e) => e.body !== undefined)).toHaveLength(1000);
    expect(problems).toEqual([]);
    expect(elapsed).toBeLessThan(5000);
  });
});
