// The content script's scan (lib/extension/page-capture/scan.ts) on a page given as plain objects: only the few DOM
// calls the scan makes are imitated.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageRecord } from '../../lib/extension/page-capture/record';
import { watchPage } from '../../lib/extension/page-capture/scan';

class FakeElement {
  disabled = false;
  constructor(
    readonly value: string,
    readonly form: FakeForm,
  ) {}
}

interface FakeForm {
  getAttribute(name: string): string | null;
  elements: { namedItem(name: string): unknown };
}

function form(action: string, fields: Record<string, string>): FakeForm {
  const f: FakeForm = {
    getAttribute: (name) => (name === 'method' ? 'post' : name === 'action' ? action : null),
    elements: { namedItem: (name) => (name in fields ? new FakeElement(fields[name]!, f) : null) },
  };
  return f;
}

/** A page holding `forms`; returns what the scan reported once the page has loaded. */
function load(forms: FakeForm[]): PageRecord[] {
  const listeners = new Map<string, () => void>();
  const byName = (name: string) => forms.filter((f) => f.elements.namedItem(name) !== null).map((f) => f.elements.namedItem(name));
  vi.stubGlobal('window', { top: null });
  vi.stubGlobal('location', { search: '', href: 'https://idp.example.test/sso' });
  vi.stubGlobal('addEventListener', () => undefined);
  vi.stubGlobal('Element', FakeElement);
  vi.stubGlobal('MutationObserver', class { observe() {} });
  vi.stubGlobal('document', {
    baseURI: 'https://idp.example.test/sso',
    getElementsByName: byName,
    addEventListener: (type: string, fn: () => void) => listeners.set(type, fn),
  });
  const reported: PageRecord[] = [];
  watchPage((r) => reported.push(r));
  listeners.get('DOMContentLoaded')?.();
  return reported;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the page scan', () => {
  it('reports each auto-submitting form, its action made absolute', () => {
    const reported = load([form('/acs', { SAMLResponse: 'PHI+', RelayState: 'r' })]);
    expect(reported).toMatchObject([{ url: 'https://idp.example.test/acs', method: 'POST', fields: [['SAMLResponse', 'PHI+'], ['RelayState', 'r']] }]);
  });

  it('keeps scanning past a form whose action is no URL, and keeps that form’s message with the action as written', () => {
    const reported = load([form('http://[broken/acs', { SAMLResponse: 'AAAA' }), form('https://sp.example.test/acs', { SAMLResponse: 'BBBB' })]);
    expect(reported.map((r) => [r.url, r.fields?.[0]?.[1]])).toEqual([
      ['http://[broken/acs', 'AAAA'],
      ['https://sp.example.test/acs', 'BBBB'],
    ]);
  });
});
