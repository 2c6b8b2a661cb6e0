// The text a person sees on a captured page: no scripts, styles or templates, and nothing hidden.
import { elementEnd } from './markup';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function plain(html: string): string {
  return html
    .replace(/<[^<>]{0,2000}>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_m, e: string) => ENTITIES[e] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Scripts, styles and templates removed in one linear pass (a regex with a lazy body would rescan on unclosed tags). */
function withoutCode(html: string): string {
  const lower = html.toLowerCase();
  // Template contents are never rendered (an SPA's own 403 view waiting in a <template>).
  const opener = /<(?:script|style|template)\b/g;
  let out = '';
  let at = 0;
  for (;;) {
    opener.lastIndex = at;
    const m = opener.exec(lower);
    if (!m) return out + html.slice(at);
    const start = m.index;
    const tag = lower.startsWith('<script', start) ? '</script' : lower.startsWith('<style', start) ? '</style' : '</template';
    const close = lower.indexOf(tag, start);
    out += `${html.slice(at, start)} `;
    if (close < 0) return out;
    const end = lower.indexOf('>', close);
    at = end < 0 ? html.length : end + 1;
  }
}

// An element hidden by its own markup: the hidden attribute, or an inline display:none. (aria-hidden hides from
// screen readers only; a class named "hidden" may be undone by another, as Tailwind's "hidden md:flex" is.) An
// app shell's hidden "Access denied" modal is not what the page says.
const TAG_START = /<([a-z][a-z0-9-]*)\b((?:[^<>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
const MAX_HIDDEN = 64;

function hides(attributes: string): boolean {
  if (!/hidden|display/i.test(attributes)) return false;
  for (const m of attributes.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (name === 'hidden') return true;
    if (name === 'style' && /display\s*:\s*none/i.test(m[2] ?? m[3] ?? m[4] ?? '')) return true;
  }
  return false;
}

function withoutHidden(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let at = 0;
  let removed = 0;
  TAG_START.lastIndex = 0;
  for (let m = TAG_START.exec(lower); m && removed < MAX_HIDDEN; m = TAG_START.exec(lower)) {
    if (!hides(m[2] ?? '')) continue;
    const name = m[1]!;
    // A void or self-closed element hides nothing after it.
    const end = /^(?:input|img|br|hr|meta|link|source|wbr)$/.test(name) || m[0].endsWith('/>') ? m.index + m[0].length : elementEnd(lower, m.index, name);
    out += `${html.slice(at, m.index)} `;
    at = end;
    removed++;
    TAG_START.lastIndex = end;
  }
  return out + html.slice(at);
}

/** The markup a person sees: scripts, styles, templates and hidden elements removed. */
export function visibleMarkup(html: string): string {
  return withoutHidden(withoutCode(html));
}
