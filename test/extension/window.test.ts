import { describe, expect, it } from 'vitest';
import { entryKey, parseEntryKey } from '../../lib/extension/store/keys';
import { CaptureIndex } from '../../lib/extension/store/window';

const key = (micros: number, tabId: number, saml: boolean, requestId = String(micros)) => entryKey({ micros, tabId, saml, requestId, hop: 0 });

describe('entry keys', () => {
  it('round-trip and sort in capture order', () => {
    const a = key(1_700_000_000_000_000, -1, true, '42');
    const b = key(1_700_000_000_000_001, 5, false, '43');
    expect(parseEntryKey(a)).toEqual({ micros: 1_700_000_000_000_000, tabId: -1, saml: true, requestId: '42', hop: 0 });
    expect([b, a].sort()).toEqual([a, b]);
    expect(parseEntryKey('settings')).toBeUndefined();
    expect(parseEntryKey('e:junk')).toBeUndefined();
  });
});

describe('CaptureIndex', () => {
  it('keeps every SAML entry and a sliding window of other traffic per tab', () => {
    const index = new CaptureIndex({ perTab: 3, total: 100 });
    const saml = key(1, 1, true);
    expect(index.add(saml)).toEqual([]);
    const others = [2, 3, 4, 5, 6].map((t) => key(t, 1, false));
    const evicted = others.flatMap((k) => index.add(k));
    expect(evicted).toEqual([others[0], others[1]]);
    expect(index.has(saml)).toBe(true);
    expect(index.size()).toBe(4);
    // another tab has its own window
    expect(index.add(key(7, 2, false))).toEqual([]);
  });

  it('evicts the oldest traffic over all tabs past the total, never SAML', () => {
    const index = new CaptureIndex({ perTab: 10, total: 2 });
    index.add(key(1, 1, false));
    index.add(key(2, 2, true));
    index.add(key(3, 2, false));
    expect(index.add(key(4, 3, false))).toEqual([key(1, 1, false)]);
    expect(index.samlKeys()).toEqual([key(2, 2, true)]);
  });

  it('rebuilds from stored keys and finds a request by id', () => {
    const index = new CaptureIndex();
    index.load(['settings', key(5, 1, true, '77'), entryKey({ micros: 9, tabId: 1, saml: true, requestId: '77', hop: 1 }), key(6, 1, false, '78')]);
    expect(index.size()).toBe(3);
    expect(index.findRequest('77')).toBe(entryKey({ micros: 9, tabId: 1, saml: true, requestId: '77', hop: 1 }));
    expect(index.findRequest('7')).toBeUndefined();
    index.remove(key(6, 1, false, '78'));
    expect(index.size()).toBe(2);
    expect(index.shed(0.5)).toEqual([]);
  });
});
