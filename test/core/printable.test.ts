import { describe, expect, it } from 'vitest';
import { printable, printableInPage } from '../../lib/core/printable';

describe('captured text shown to a person', () => {
  const hostile = 'https://idp.example.test/\u202Elmth.exe\u001b]0;owned\u0007\r\nnext\tline\u0085';

  it('in a terminal or a report: every control character but tab and line feed, and the bidi controls, as escapes', () => {
    expect(printable(hostile)).toBe('https://idp.example.test/\\u202elmth.exe\\u001b]0;owned\\u0007\\u000d\nnext\tline\\u0085');
    expect(printable('\u2066isolated\u2069 \u202Aembedded\u202C')).toBe('\\u2066isolated\\u2069 \\u202aembedded\\u202c');
  });

  it('in a page: the same, but a carriage return (laid out as a space) stays as it is', () => {
    expect(printableInPage(hostile)).toBe('https://idp.example.test/\\u202elmth.exe\\u001b]0;owned\\u0007\r\nnext\tline\\u0085');
  });

  it('leaves ordinary text, right-to-left scripts included, untouched', () => {
    for (const text of ['Zoë Ødegård', 'שלום עולם', 'مرحبا', '名前 🙂', '']) {
      expect(printable(text)).toBe(text);
      expect(printableInPage(text)).toBe(text);
    }
  });
});
