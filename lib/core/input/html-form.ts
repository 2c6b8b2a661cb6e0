// An IdP's or SP's auto-posting page saved or pasted as it is (view source): the SAML fields of its form. Such a
// page starts with <!DOCTYPE html>, which read as XML would be refused as a DTD, an attack it is not.
import { messageField } from '../binding/post';
import { elementEnd } from '../http/markup';
import { SAML_PARAMS } from './fields';
import { Fieldsets, selectValues, submittedValue, textareaValue, type SelectOption } from './form-controls';

// An XHTML page may open with an XML declaration (XHTML 1.0 §4.1 recommends one).
const HTML_START = /^(?:<\?xml\s[^>]{0,200}\?>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html[\s>]|<html[\s>]|<head[\s>]|<body[\s>]|<form[\s>])/i;
const TAG = /<(\/?)(form|input|button|textarea|select|option|fieldset|legend)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
// A textarea's content stays in the live markup with its "<" written as NUL (which HTML text never keeps: the
// parser turns it into U+FFFD), so no tag is read from it and its value is still there to read.
const HIDDEN_LT = '\u0000';
const TEXTAREA_START = /<textarea(?:[^>"']|"[^"]*"|'[^']*')*>/y;
// What a browser never submits (WHATWG HTML, "Parsing HTML documents"): comments, the text of raw-text and
// escapable raw-text elements (a form written inside a script string is not a form), and template contents,
// which are not part of the document. Markup in them would otherwise be read as a form the page posts.
const RAW_TEXT = /^<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript)[\s/>]/i;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export const looksLikeHtml = (text: string): boolean => HTML_START.test(text);

/**
 * Character references in an attribute value (a page may write `+` and `=` of base64 as `&#x2b;` and `&#x3d;`):
 * numeric ones and the few named ones such pages use; anything else is left as written.
 */
function decodeReferences(value: string): string {
  return value.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function attributesOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, decodeReferences(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

export interface HtmlForm {
  /** The form's action, as the page wrote it (references decoded); '' when it has none. */
  action: string;
  fields: Array<[string, string]>;
}

/** The page with comments, raw text and template contents blanked out, in one pass. */
function liveMarkup(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let at = 0;
  for (let lt = lower.indexOf('<'); lt >= 0; lt = lower.indexOf('<', at)) {
    let end: number;
    if (lower.startsWith('<!--', lt)) {
      // `<!-->` and `<!--->` are whole (empty) comments to a browser.
      const empty = /^<!---?>/.exec(lower.slice(lt, lt + 6))?.[0];
      const close = lower.indexOf('-->', lt + 4);
      end = empty ? lt + empty.length : close < 0 ? html.length : close + 3;
    } else if (/^<(?:svg|math)[\s/>]/.test(lower.slice(lt, lt + 6))) {
      // Foreign content: no HTML form or input lives in it, and its <style> is not raw text.
      end = elementEnd(lower, lt, lower[lt + 1] === 's' ? 'svg' : 'math');
    } else if (lower.startsWith('<!', lt) || lower.startsWith('<?', lt)) {
      const close = lower.indexOf('>', lt);
      end = close < 0 ? html.length : close + 1;
    } else if (lower.startsWith('<plaintext', lt)) {
      end = html.length;
    } else if (/^<template[\s/>]/.test(lower.slice(lt, lt + 10))) {
      end = elementEnd(lower, lt, 'template');
    } else if (/^<textarea[\s/>]/.test(lower.slice(lt, lt + 10))) {
      TEXTAREA_START.lastIndex = lt;
      const open = TEXTAREA_START.test(lower) ? TEXTAREA_START.lastIndex - 1 : -1;
      const close = open < 0 ? -1 : lower.indexOf('</textarea', open);
      const gt = close < 0 ? -1 : lower.indexOf('>', close);
      end = gt < 0 ? html.length : gt + 1;
      if (open >= 0) {
        const content = html.slice(open + 1, close < 0 ? html.length : close).replaceAll(HIDDEN_LT, '\ufffd').replaceAll('<', HIDDEN_LT);
        out += `${html.slice(at, open + 1)}${content}</textarea>`;
        at = end;
        continue;
      }
    } else {
      const raw = RAW_TEXT.exec(lower.slice(lt, lt + 12));
      if (!raw) {
        out += html.slice(at, lt + 1);
        at = lt + 1;
        continue;
      }
      const close = lower.indexOf(`</${raw[1]}`, lt + 1);
      const gt = close < 0 ? -1 : lower.indexOf('>', close);
      end = gt < 0 ? html.length : gt + 1;
    }
    out += `${html.slice(at, lt)} `;
    at = end;
  }
  return out + html.slice(at);
}

/** The fields that carry the message itself; RelayState and wctx only travel with one. */
const MESSAGE_FIELDS = new Set(['SAMLResponse', 'SAMLRequest', 'SAMLart', 'wresult']);

/**
 * The SAML or WS-Federation fields of the page's live forms, or undefined when none has one, as a browser
 * submits them (form-controls.ts): inputs, textareas, selects and named submit buttons; not an unchecked
 * checkbox or radio, a reset or plain button, nor a control disabled itself or by a fieldset around it. Names
 * some receivers read as a message field (` SAMLResponse`) are kept for the binding to judge. A control belongs
 * to the form around it, or to the one its `form` attribute names (WHATWG "form owner"); one outside any form
 * is not submitted. A form started inside another is ignored, as browsers do. Every form that
 * carries a message is read, so the binding judges each and says there are several: an auto-posting page that
 * carries two messages is not one to trust. The action is that form's; with several forms of different actions
 * it is left unknown rather than guessed.
 */
export function samlFormOf(html: string): HtmlForm | undefined {
  type Form = { action: string; fields: Array<[string, string]> };
  const forms: Form[] = [];
  const byId = new Map<string, Form>();
  const pending: Array<{ owner: string; field: [string, string] }> = [];
  const fieldsets = new Fieldsets();
  let open: Form | undefined;
  let select: { name: string; owner?: string; disabled: boolean; multiple: boolean; size: number; options: SelectOption[] } | undefined;
  const live = liveMarkup(html);
  const submit = (name: string, value: string, owner: string | undefined) => {
    if (!SAML_PARAMS.has(name) && !messageField(name)) return;
    const field: [string, string] = [name, value];
    if (owner !== undefined) pending.push({ owner, field });
    else open?.fields.push(field);
  };
  const endSelect = () => {
    if (select && !select.disabled) for (const v of selectValues(select.options, select.multiple, select.size)) submit(select.name, v, select.owner);
    select = undefined;
  };
  for (const m of live.matchAll(TAG)) {
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    const attrs = closing ? undefined : attributesOf(m[3] ?? '');
    if (tag === 'form') {
      if (closing) open = undefined;
      else if (!open) {
        open = { action: attrs!.get('action') ?? '', fields: [] };
        forms.push(open);
        const id = attrs!.get('id');
        if (id !== undefined && !byId.has(id)) byId.set(id, open);
      }
      continue;
    }
    if (tag === 'fieldset' || tag === 'legend') {
      fieldsets.tag(tag, closing, attrs);
      continue;
    }
    if (tag === 'select') {
      endSelect();
      if (!attrs) continue;
      const size = Number(attrs.get('size') ?? '0');
      select = { name: attrs.get('name') ?? '', owner: attrs.get('form'), disabled: attrs.has('disabled') || fieldsets.disabling, multiple: attrs.has('multiple'), size: Number.isFinite(size) ? size : 0, options: [] };
      continue;
    }
    if (tag === 'option') {
      if (!attrs || !select) continue;
      const end = m.index + m[0].length;
      const lt = live.indexOf('<', end);
      const text = decodeReferences(live.slice(end, lt < 0 ? live.length : lt)).replace(/[\t\n\f\r ]+/g, ' ').trim();
      select.options.push({ value: attrs.get('value') ?? text, selected: attrs.has('selected'), disabled: attrs.has('disabled') });
      continue;
    }
    if (!attrs || attrs.has('disabled') || fieldsets.disabling) continue;
    const name = attrs.get('name');
    if (!name) continue;
    let value: string | undefined;
    if (tag === 'textarea') {
      const end = m.index + m[0].length;
      const close = live.indexOf('</textarea>', end);
      value = textareaValue(decodeReferences(live.slice(end, close < 0 ? live.length : close).replaceAll(HIDDEN_LT, '<')));
    } else value = submittedValue({ tag, attrs });
    if (value !== undefined) submit(name, value, attrs.get('form'));
  }
  endSelect();
  for (const { owner, field } of pending) byId.get(owner)?.fields.push(field);
  const carrying = forms.filter((f) => f.fields.some(([n]) => MESSAGE_FIELDS.has(n)));
  if (!carrying.length) return undefined;
  const actions = new Set(carrying.map((f) => f.action));
  return { action: actions.size === 1 ? carrying[0]!.action : '', fields: carrying.flatMap((f) => f.fields) };
}
