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
  const type = (attrs.get('type') ?? (tag === 'button' ? 'submit' : 'text')).toLowerCase();
  if (tag === 'button') return type === 'submit' ? (attrs.get('value') ?? '') : undefined;
  if (NEVER_SUBMITTED.has(type)) return undefined;
  if (type === 'checkbox' || type === 'radio') return attrs.has('checked') ? (attrs.get('value') ?? 'on') : undefined;
  return attrs.get('value') ?? '';
}

/**
 * A textarea's value from its raw content: the newline right after the start tag is not part of it (the parser
 * drops it), and line breaks are sent as CRLF.
 */
export function textareaValue(content: string): string {
  return content.replace(/^\r?\n/, '').replace(/\r\n|\r|\n/g, '\r\n');
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

/**
 * Fieldsets open around the current point: a disabled one disables every control in it except those in its
 * first legend.
 */
export class Fieldsets {
  private readonly open: Array<{ disabled: boolean; legend: 'none' | 'open' | 'done' }> = [];

  tag(name: 'fieldset' | 'legend', closing: boolean, attrs?: Map<string, string>): void {
    const top = this.open[this.open.length - 1];
    if (name === 'fieldset') {
      if (closing) this.open.pop();
      else this.open.push({ disabled: attrs?.has('disabled') ?? false, legend: 'none' });
    } else if (top) {
      if (!closing && top.legend === 'none') top.legend = 'open';
      else if (closing && top.legend === 'open') top.legend = 'done';
    }
  }

  get disabling(): boolean {
    return this.open.some((f) => f.disabled && f.legend !== 'open');
  }
}
