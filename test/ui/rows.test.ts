import { describe, expect, it } from 'vitest';
import { buildRows, flowCorrelation, nextSelectable } from '../../lib/ui/state/rows';
import { EMPTY_FILTER } from '../../lib/ui/state/filter';
import { msg, twoFlows, report } from './fixtures';

const keys = (rows: { key: string }[]) => rows.map((r) => r.key);

describe('message list rows', () => {
  it('groups the messages of one flow under a header, in flow order', () => {
    const { report: r, entries } = twoFlows();
    const rows = buildRows(r, entries, { showOthers: false, filter: EMPTY_FILTER });
    expect(keys(rows)).toEqual(['f:f1', 'm:0', 'm:1', 'f:f2', 'm:2']);
    const head = rows[0];
    expect(head?.type === 'flow' && head.correlation).toEqual({ text: 'ID _req1 ⇄ InResponseTo _req1', ok: true });
    expect(rows[3]?.type === 'flow' && rows[3].worst).toBe('error');
  });

  it('shows only the inspected tab unless every tab is asked for', () => {
    const { report: r, entries } = twoFlows();
    expect(keys(buildRows(r, entries, { tabId: 7, showOthers: false, filter: EMPTY_FILTER }))).toEqual(['f:f1', 'm:0', 'm:1']);
    expect(keys(buildRows(r, entries, { tabId: 9, showOthers: false, filter: EMPTY_FILTER }))).toEqual(['f:f2', 'm:2']);
  });

  it('lists every request in time order with the non-SAML ones as other rows', () => {
    const { report: r, entries } = twoFlows();
    const rows = buildRows(r, entries, { tabId: 7, showOthers: true, filter: EMPTY_FILTER });
    expect(keys(rows)).toEqual(['e:x0', 'm:0', 'e:x1', 'm:1']);
  });

  it('keeps a message that no flow lists', () => {
    const r = report([msg(0), msg(1, { entry: 'e1' })], [{ id: 'f1', messages: [0], kind: 'other' }]);
    expect(keys(buildRows(r, [], { showOthers: false, filter: EMPTY_FILTER }))).toEqual(['f:f1', 'm:0', 'm:1']);
  });

  it('filters by text across NameID, issuer and finding slugs, and hides flows left empty', () => {
    const { report: r, entries } = twoFlows();
    const f = (text: string) => keys(buildRows(r, entries, { showOthers: false, filter: { ...EMPTY_FILTER, text } }));
    expect(f('ALICE@example')).toEqual(['f:f1', 'm:1']);
    expect(f('signature-invalid')).toEqual(['f:f2', 'm:2']);
    expect(f('sts.windows.net tenant')).toEqual(['f:f2', 'm:2']);
    expect(f('nothing-like-this')).toEqual([]);
  });

  it('filters by kind and by minimum severity', () => {
    const { report: r, entries } = twoFlows();
    const rows = (kinds: never[] | Array<'AuthnRequest'>, minSeverity?: 'error' | 'warning' | 'info') =>
      keys(buildRows(r, entries, { showOthers: false, filter: { text: '', kinds, minSeverity } }));
    expect(rows(['AuthnRequest'])).toEqual(['f:f1', 'm:0']);
    expect(rows([], 'error')).toEqual(['f:f2', 'm:2']);
    expect(rows([], 'warning')).toEqual(['f:f1', 'm:1', 'f:f2', 'm:2']);
  });

  it('filters the other requests by method and URL, case-insensitive, every term', () => {
    const { report: r, entries } = twoFlows();
    const f = (text: string) => keys(buildRows(r, entries, { tabId: 7, showOthers: true, filter: { ...EMPTY_FILTER, text } })).filter((k) => k.startsWith('e:'));
    expect(f('LOGIN.css')).toEqual(['e:x1']);
    expect(f('get start')).toEqual(['e:x0']);
    expect(f('post start')).toEqual([]);
    expect(f('')).toEqual(['e:x0', 'e:x1']);
  });

  it('hides non-SAML requests once a kind or severity filter is set', () => {
    const { report: r, entries } = twoFlows();
    const rows = buildRows(r, entries, { showOthers: true, filter: { text: '', kinds: [], minSeverity: 'info' } });
    expect(rows.every((x) => x.type === 'message')).toBe(true);
  });

  it('moves the keyboard cursor over messages, skipping flow headers', () => {
    const { report: r, entries } = twoFlows();
    const rows = buildRows(r, entries, { showOthers: false, filter: EMPTY_FILTER });
    expect(nextSelectable(rows, -1, 1)).toBe(1);
    expect(nextSelectable(rows, 2, 1)).toBe(4);
    expect(nextSelectable(rows, 4, -1)).toBe(2);
    expect(nextSelectable(rows, 4, 1)).toBe(4);
  });
});

describe('flow correlation', () => {
  it('says when InResponseTo does not match the captured request', () => {
    const c = flowCorrelation([msg(0, { kind: 'AuthnRequest', id: '_a' }), msg(1, { inResponseTo: '_b' })]);
    expect(c.ok).toBe(false);
    expect(c.text).toContain('_b does not match request ID _a');
  });
  it('calls a response without InResponseTo unsolicited', () => {
    expect(flowCorrelation([msg(0)])).toEqual({ text: 'unsolicited: no InResponseTo' });
  });
  it('says when the response was not captured', () => {
    expect(flowCorrelation([msg(0, { kind: 'LogoutRequest', id: '_l' })]).text).toBe('ID _l: no response captured');
  });
});
