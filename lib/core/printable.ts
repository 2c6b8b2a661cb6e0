import { dictionary } from './dictionary';

/*
 * Text from a capture shown where a person reads it: a terminal (the CLI), a Markdown or HTML ticket report.
 * A HAR's URL, header or form value can hold any character: ESC starts terminal sequences (`ESC ] 0;` sets the
 * window title, `ESC [ 2 J` clears the screen, others write to the clipboard), a carriage return lets a value
 * print over what came before it on the line, and the bidirectional overrides (U+202E) show an Issuer or a
 * URL in another order than its characters (Trojan Source, CVE-2021-42574). Each such character is shown as its
 * escape (`\u001b`), so the reader sees that the capture holds it, and nothing acts on it.
 */

// C0 controls but tab and line feed, then DEL, C1 controls, and the bidirectional embeddings, overrides and isolates.
const C0 = '\\u0000-\\u0008\\u000b-\\u001f';
const OTHERS = '\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';
const escaped = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Escapes the characters of the class `chars`: one test first, so most texts are returned as they are. */
function escaper(chars: string): (text: string) => string {
  const one = new RegExp(`[${chars}]`);
  const all = new RegExp(`[${chars}]`, 'g');
  return (text) => (one.test(text) ? text.replace(all, escaped) : text);
}

export const printable = escaper(C0 + OTHERS);

/**
 * printable for text a web page shows (the panel, the viewer). A page lays a carriage return out as a space (CSS
 * Text 3's white space processing), so it cannot print over anything there; escaping it would only clutter every
 * line of a message pasted with Windows line ends.
 */
export const printableInPage = escaper(`\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f${OTHERS}`);

/**
 * The report (or any JSON-like value) with every string printable: the value itself when nothing needs escaping
 * (the usual case, and a CLI start pays nothing for it), else a copy of the objects that lead to such a string.
 */
export function printableDeep<T>(value: T): T {
  // One native pass first: JSON writes C0 controls as escapes and the others as they are.
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  return json !== undefined && !MAYBE_UNPRINTABLE.test(json) ? value : escapedDeep(value);
}

// In JSON text, which writes C0 controls as escapes: such an escape other than tab's and line feed's, or one of
// the others as it is.
const MAYBE_UNPRINTABLE = new RegExp(`\\\\u00[01][0-9a-fA-F]|\\\\[bfr]|[${OTHERS}]`);

function escapedDeep<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const p = escapedDeep(v);
      if (p !== v) (out ??= value.slice())[i] = p;
    }
    return (out ?? value) as T;
  }
  if (value && typeof value === 'object') {
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(value)) {
      const p = escapedDeep(v);
      const key = printable(k);
      if (p === v && key === k) continue;
      out ??= Object.assign(dictionary<unknown>(), value);
      if (key !== k) delete out[k];
      out[key] = p;
    }
    return (out ?? value) as T;
  }
  return value;
}
