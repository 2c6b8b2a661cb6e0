import { describe, expect, it } from 'vitest';
import { buildRows, chooseTypes, otherTypeCounts } from '../../lib/ui/state/rows';
import { EMPTY_FILTER } from '../../lib/ui/state/filter';
import { takeInput } from '../../lib/ui/state/viewer-input';
import { entry, msg, report } from './fixtures';

const entries = [
  entry('doc', { resourceType: 'main_frame' }),
  entry('e0'),
  entry('api', { resourceType: 'xmlhttprequest' }),
  entry('js', { responseHeaders: [{ name: 'Content-Type', value: 'application/javascript' }] }),
  entry('png', { resourceType: 'image' }),
  entry('css', { resourceType: 'stylesheet' }),
];
const r = report([msg(0)], []);
const keys = (types: Parameters<typeof chooseTypes>[0]) => buildRows(r, entries, { showOthers: true, filter: EMPTY_FILTER, types }).map((row) => row.key);

describe('other requests by type', () => {
  it('lists every other request without a type choice, and only the chosen types with one; SAML rows stay', () => {
    expect(keys([])).toEqual(['e:doc', 'm:0', 'e:api', 'e:js', 'e:png', 'e:css']);
    expect(keys(['fetch'])).toEqual(['m:0', 'e:api']);
    expect(keys(['document', 'image'])).toEqual(['e:doc', 'm:0', 'e:png']);
    expect(keys(['other'])).toEqual(['m:0', 'e:css']);
  });

  it('counts the other requests of each type (not the SAML ones)', () => {
    expect(otherTypeCounts(r, entries)).toEqual({ document: 1, fetch: 1, script: 1, image: 1, other: 1 });
  });

  it('chooses types as DevTools does: a click picks one, Ctrl/Cmd adds or removes, All clears', () => {
    expect(chooseTypes(['fetch'], 'image', false)).toEqual(['image']);
    expect(chooseTypes(['fetch'], 'image', true)).toEqual(['fetch', 'image']);
    expect(chooseTypes(['fetch', 'image'], 'fetch', true)).toEqual(['image']);
    expect(chooseTypes(['fetch'], 'all', false)).toEqual([]);
  });

  it('says how many of a file\'s requests carry SAML', () => {
    const out = takeInput('(file)', 'day.har', 1, () => ({ format: 'har', entries: [entry('a'), entry('b')], problems: [], counts: { read: 2, kept: 2, saml: 1 } }));
    expect(out.summary).toBe('Added 2 requests (1 with a SAML message) from day.har (har).');
  });
});
