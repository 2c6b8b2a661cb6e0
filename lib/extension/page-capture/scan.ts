import { COMPANION_FIELDS, MESSAGE_FIELDS, type PageRecord } from './record';

const QUERY_MESSAGE = /[?&](?:SAMLRequest|SAMLResponse|SAMLart|wresult)=/;

/**
 * The content script's whole job: report a SAML message this page received in its URL (Redirect binding) or is
 * about to post in a form (POST binding, the IdP's auto-submit page). It reads the page's URL and, of forms, only
 * the action and the fields named in MESSAGE_FIELDS and COMPANION_FIELDS; nothing else of the page. `report` is
 * called synchronously when a message is found, before the page can navigate away.
 */
export function watchPage(report: (record: PageRecord) => void): void {
  const frame = window !== window.top;
  if (QUERY_MESSAGE.test(location.search)) report({ url: location.href, method: 'GET', at: Date.now(), ...(frame ? { frame } : {}) });

  const seen = new WeakMap<HTMLFormElement, string>();
  // Live lists: checking their length on each DOM change costs next to nothing on pages without SAML.
  const named = MESSAGE_FIELDS.map((name) => document.getElementsByName(name));
  const scan = () => {
    for (const list of named) {
      for (const element of Array.from(list)) {
        const form = (element as HTMLInputElement).form;
        // Attributes, not form.action / form.method: a field named "action" would shadow those properties.
        if (!form || (form.getAttribute('method') ?? '').toLowerCase() !== 'post') continue;
        const action = absolute(form.getAttribute('action') ?? '');
        const fields = messageFields(form);
        const signature = JSON.stringify([action, fields]);
        if (seen.get(form) === signature) continue;
        seen.set(form, signature);
        report({ url: action, method: 'POST', fields, at: Date.now(), ...(frame ? { frame } : {}) });
      }
    }
  };
  const hasCandidates = () => named.some((list) => list.length > 0);
  // As the parser inserts the form (an inline script may submit it before DOMContentLoaded), when the page has
  // loaded, when a script builds one later, and when one is submitted.
  new MutationObserver(() => {
    if (hasCandidates()) scan();
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', scan);
  addEventListener('submit', scan, true);
}

/**
 * The form's action as an absolute URL; an action no URL parser reads (`http://[x`) is kept as written: the browser
 * will not send such a form (HTML's form submission stops where the URL does not parse), so the page's record is
 * the only copy of its message, and a throw here would also have stopped the scan of every later form.
 */
function absolute(action: string): string {
  try {
    return new URL(action, document.baseURI).href;
  } catch {
    return action;
  }
}

function messageFields(form: HTMLFormElement): Array<[string, string]> {
  // By name only: the other fields of the form (a password, say) are never looked at.
  const fields: Array<[string, string]> = [];
  for (const name of [...MESSAGE_FIELDS, ...COMPANION_FIELDS]) {
    const found = form.elements.namedItem(name);
    const elements = found === null ? [] : found instanceof Element ? [found] : Array.from(found);
    for (const element of elements) {
      const input = element as HTMLInputElement;
      if (!input.disabled && typeof input.value === 'string') fields.push([name, input.value]);
    }
  }
  return fields;
}
