// An IdP's or SP's auto-posting page saved or pasted as it is (view source): the SAML fields of its form. Such a
// page starts with <!DOCTYPE html>, which read as XML would be refused as a DTD, an attack it is not.
//
// The page is parsed as a browser parses it (parse5, the WHATWG HTML parsing algorithm): comments however they
// end (`--!>`), raw text, templates, foreign content (an input after a <p> that leaves an <svg> is HTML again),
// misnested end tags and every character reference. A reader of its own disagreed with Chromium on each of
// these, and a forged message could ride on the difference.
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { messageField } from '../binding/post';
import { SAML_PARAMS } from './fields';
import { selectValues, submittedValue, textareaValue, type SelectOption } from './form-controls';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const HTML_NS = 'http://www.w3.org/1999/xhtml';
// An XHTML page may open with an XML declaration (XHTML 1.0 §4.1 recommends one).
const HTML_START = /^(?:<\?xml\s[^>]{0,200}\?>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html[\s>]|<html[\s>]|<head[\s>]|<body[\s>]|<form[\s>])/i;

export const looksLikeHtml = (text: string): boolean => HTML_START.test(text);

export interface HtmlForm {
  /** The form's action, as the page wrote it (references decoded); '' when it has none. */
  action: string;
  fields: Array<[string, string]>;
}

const isElement = (n: Node): n is Element => 'tagName' in n;
const html = (n: Node, ...names: string[]): n is Element => isElement(n) && n.namespaceURI === HTML_NS && names.includes(n.tagName);
const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;

function* elements(node: Node): Generator<Element> {
  // Template contents are not children (parse5 keeps them apart, as the DOM does): never rendered, never posted.
  const kids = 'childNodes' in node ? node.childNodes : [];
  for (const k of kids) {
    if (!isElement(k)) continue;
    yield k;
    yield* elements(k);
  }
}

function ancestors(el: Element): Element[] {
  const out: Element[] = [];
  for (let p = el.parentNode; p && isElement(p); p = p.parentNode) out.push(p);
  return out;
}

/** The text of an element's descendant text nodes, in order. */
function text(el: Element): string {
  let out = '';
  for (const k of el.childNodes) {
    if ('value' in k && k.nodeName === '#text') out += k.value;
    else if (isElement(k)) out += text(k);
  }
  return out;
}

/** Disabled itself, or inside a disabled fieldset but not in its first legend (WHATWG "actually disabled"). */
function disabled(el: Element): boolean {
  if (attr(el, 'disabled') !== undefined) return true;
  let child: Element = el;
  for (const a of ancestors(el)) {
    if (html(a, 'fieldset') && attr(a, 'disabled') !== undefined) {
      const legend = a.childNodes.find((k) => html(k, 'legend'));
      if (legend !== child) return true;
    }
    child = a;
  }
  return false;
}

/** A non-negative integer as HTML reads one (leading spaces, then digits; "0x2" is 0), else undefined. */
function htmlInteger(value: string | undefined): number | undefined {
  const m = /^[\t\n\f\r ]*\+?([0-9]+)/.exec(value ?? '');
  return m ? Number(m[1]) : undefined;
}

function selectFields(select: Element): string[] {
  const options: SelectOption[] = [];
  for (const o of elements(select)) {
    if (!html(o, 'option')) continue;
    const group = o.parentNode && isElement(o.parentNode) && html(o.parentNode, 'optgroup') ? o.parentNode : undefined;
    options.push({
      value: attr(o, 'value') ?? text(o).replace(/[\t\n\f\r ]+/g, ' ').trim(),
      selected: attr(o, 'selected') !== undefined,
      disabled: attr(o, 'disabled') !== undefined || (group !== undefined && attr(group, 'disabled') !== undefined),
    });
  }
  return selectValues(options, attr(select, 'multiple') !== undefined, htmlInteger(attr(select, 'size')) ?? 0);
}

/** The fields that carry the message itself; RelayState and wctx only travel with one. */
const MESSAGE_FIELDS = new Set(['SAMLResponse', 'SAMLRequest', 'SAMLart', 'wresult']);

/**
 * The SAML or WS-Federation fields of the page's live forms, or undefined when none has one, as a browser
 * submits them (form-controls.ts): inputs, textareas, selects and named submit buttons; not an unchecked
 * checkbox or radio, a reset or plain button, nor a control disabled itself or by a fieldset around it. Names
 * some receivers read as a message field (` SAMLResponse`) are kept for the binding to judge. A control belongs
 * to the form its `form` attribute names (WHATWG "form owner"), else to the form around it; one outside any form
 * is not submitted. Every form that carries a message is read, so the binding judges each and says there are
 * several; with several forms of different actions the action is left unknown rather than guessed.
 */
export function samlFormOf(page: string): HtmlForm | undefined {
  const doc = parse(page);
  const all = [...elements(doc)];
  const forms = all.filter((el) => html(el, 'form'));
  const byId = new Map<string, Element>();
  for (const el of all) {
    const id = attr(el, 'id');
    if (id !== undefined && !byId.has(id)) byId.set(id, el);
  }
  const fields = new Map<Element, Array<[string, string]>>(forms.map((f) => [f, []]));
  for (const el of all) {
    if (!html(el, 'input', 'button', 'textarea', 'select')) continue;
    const name = attr(el, 'name');
    if (!name || (!SAML_PARAMS.has(name) && !messageField(name)) || disabled(el)) continue;
    const named = attr(el, 'form');
    const owner = named !== undefined ? byId.get(named) : ancestors(el).find((a) => html(a, 'form'));
    const list = owner && html(owner, 'form') ? fields.get(owner) : undefined;
    if (!list) continue;
    if (el.tagName === 'select') for (const v of selectFields(el)) list.push([name, v]);
    else if (el.tagName === 'textarea') list.push([name, textareaValue(text(el))]);
    else {
      const value = submittedValue({ tag: el.tagName, attrs: new Map(el.attrs.map((a) => [a.name, a.value])) });
      if (value !== undefined) list.push([name, value]);
    }
  }
  const carrying = forms.filter((f) => fields.get(f)!.some(([n]) => MESSAGE_FIELDS.has(n)));
  if (!carrying.length) return undefined;
  const actions = new Set(carrying.map((f) => attr(f, 'action') ?? ''));
  return { action: actions.size === 1 ? [...actions][0]! : '', fields: carrying.flatMap((f) => fields.get(f)!) };
}
