// Which of a page's form controls a browser submits, and with what value (WHATWG HTML, "Constructing the entry
// list": https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#constructing-the-form-data-set).
// An auto-posting page read by name alone could show the genuine message of an unchecked checkbox while the
// browser posts a forged one from a textarea: the page must be read as the browser submits it.

/** One control's start tag: its element name and attributes (names lower-cased, references decoded). */
export interface ControlTag {
  tag: string;
  attrs: Map<string, string>;
}

// Never in the entry list: reset and button inputs; a file input sends a file, not this value; an image input
// sends name.x and name.y, never name.
const NEVER_SUBMITTED = new Set(['reset', 'button', 'file', 'image']);

/**
 * The value an input or button contributes, or undefined when it contributes none. A submit button counts: the
 * page's no-script fallback is clicked, and then it is the submitter (an auto-post's form.submit() has none, so
 * a named one is one more candidate, judged like the others).
 */
export function submittedValue({ tag, attrs }: ControlTag): string | undefined {
  const type = asciiLower(attrs.get('type') ?? (tag === 'button' ? 'submit' : 'text'));
  if (tag === 'button') return type === 'submit' ? (attrs.get('value') ?? '') : undefined;
  if (NEVER_SUBMITTED.has(type)) return undefined;
  if (type === 'checkbox' || type === 'radio') return attrs.has('checked') ? (attrs.get('value') ?? 'on') : undefined;
  return attrs.get('value') ?? '';
}

/** A textarea's value as submitted: its text (the parser already dropped a newline right after the start tag), line breaks as CRLF. */
export function textareaValue(content: string): string {
  return content.replace(/\r\n|\r|\n/g, '\r\n');
}

/** HTML compares keywords in ASCII case only: "chec\u212Abox" (KELVIN SIGN) is not "checkbox", as toLowerCase would make it. */
export function asciiLower(value: string): string {
  return value.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

export interface SelectOption {
  value: string;
  selected: boolean;
  disabled: boolean;
}

/**
 * The values a select submits: its selected, enabled options; a single-choice select with none marked
 * selects its first enabled option (the "selectedness setting algorithm"), and with several marked, the last.
 */
export function selectValues(options: SelectOption[], multiple: boolean, size: number): string[] {
  const enabled = options.filter((o) => !o.disabled);
  const selected = options.filter((o) => o.selected && !o.disabled);
  if (multiple) return selected.map((o) => o.value);
  if (selected.length) return [selected[selected.length - 1]!.value];
  return size <= 1 && enabled.length ? [enabled[0]!.value] : [];
}
