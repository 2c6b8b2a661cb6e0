// The text a person sees on a captured page: no scripts, styles or templates, and nothing hidden.
import { elementEnd } from '../http/markup';

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

// An element hidden by its own markup: the hidden attribute, an inline display:none, aria-hidden="true". An app
// shell's hidden "Access denied" modal is not what the page says.
const HIDDEN_START = /<([a-z][a-z0-9-]*)\b(?=[^<>]*(?:\shidden(?=[\s>/=])|\sstyle\s*=\s*["'][^"']*display\s*:\s*none|\saria-hidden\s*=\s*["']?true))[^<>]*>/gi;
const MAX_HIDDEN = 64;

function withoutHidden(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let at = 0;
  HIDDEN_START.lastIndex = 0;
  for (let n = 0; n < MAX_HIDDEN; n++) {
    HIDDEN_START.lastIndex = at;
    const m = HIDDEN_START.exec(lower);
    if (!m) break;
    const name = m[1]!;
    // A void or self-closed element hides nothing after it.
    const end = /^(?:input|img|br|hr|meta|link|source|wbr)$/.test(name) || m[0].endsWith('/>') ? m.index + m[0].length : elementEnd(lower, m.index, name);
    out += `${html.slice(at, m.index)} `;
    at = end;
  }
  return out + html.slice(at);
}

/** The markup a person sees: scripts, styles, templates and hidden elements removed. */
export function visibleMarkup(html: string): string {
  return withoutHidden(withoutCode(html));
}
