// What a person sees in the SAML panel without touching it, read in the panel's frame by the DevTools tests:
// the answer in view, nothing wider than its box, the toolbar on one row (issue 9).

/** Panel sizes (CSS pixels of the panel frame, not of the DevTools window around it). `fixInView`: the sizes of
 * issue 9's "Done when"; in the smallest one the detail starts with the flow and its verdict, the fix a scroll below. */
export const SIZES = [
  { name: '1280x800', width: 1280, height: 800, fixInView: true },
  { name: '900x500', width: 900, height: 500, fixInView: true },
  { name: '550x630-docked-right', width: 550, height: 630, fixInView: true },
  { name: '1280x270-docked-bottom', width: 1280, height: 270, fixInView: true },
  { name: '400x250-small', width: 400, height: 250, fixInView: false },
];

export interface Look {
  width: number;
  height: number;
  /** What is selected and shown without a click: kind of the detail, and the flow number in its head. */
  detail?: string;
  flowHead?: string;
  /** The flow headers in the list (numbers are the trace's, across tabs), and whether each has an error. */
  flows: Array<{ label: string; error: boolean }>;
  /** Boxes that must be in view: [name, visible?, why not]. */
  inView: Array<[string, boolean, string]>;
  /** Elements wider than their box (scrollWidth > clientWidth), as "tag.class (scroll/client)". */
  overflowing: string[];
  toolbarRows: number;
}

/** Runs in the panel frame: what a person sees without touching anything. */
export const LOOK = `(() => {
  const vw = innerWidth, vh = innerHeight;
  const detail = document.querySelector('.sl-detail');
  const dbox = detail ? detail.getBoundingClientRect() : { top: 0, bottom: vh, left: 0, right: vw };
  // Inside the window and, for what is in the detail, inside the detail's visible part (it scrolls).
  const visible = (el, box = dbox) => {
    if (!el) return [false, 'absent'];
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return [false, 'not displayed'];
    const top = Math.max(0, box.top), bottom = Math.min(vh, box.bottom);
    const ok = r.top >= top - 1 && r.bottom <= bottom + 1 && r.left >= -1 && r.right <= vw + 1;
    return [ok, ok ? '' : 'box ' + JSON.stringify([Math.round(r.left), Math.round(r.top), Math.round(r.right), Math.round(r.bottom)]) + ' outside ' + JSON.stringify([0, Math.round(top), vw, Math.round(bottom)])];
  };
  const verdict = document.querySelector('.sl-detail .sl-verdict-flow') || document.querySelector('.sl-detail .sl-flow-head');
  const fix = document.querySelector('.sl-detail .sl-verdict-flow') || document.querySelector('.sl-detail .sl-fix-first strong');
  const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const overflowing = [];
  for (const el of document.querySelectorAll('body *')) {
    const cs = getComputedStyle(el);
    if (cs.display === 'inline' || cs.overflowX === 'hidden' || cs.overflowX === 'clip' || el.getClientRects().length === 0) continue;
    if (el.scrollWidth > el.clientWidth + 1) overflowing.push(name(el) + ' (' + el.scrollWidth + '/' + el.clientWidth + ')');
  }
  if (document.documentElement.scrollWidth > vw) overflowing.push('html (' + document.documentElement.scrollWidth + '/' + vw + ')');
  const bar = document.querySelector('.sl-toolbar');
  // Rows of the toolbar: its items grouped by vertical centre (items of one row differ by a few pixels at most).
  const centres = [...(bar ? bar.children : [])].map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => (r.top + r.bottom) / 2).sort((a, b) => a - b);
  let toolbarRows = centres.length ? 1 : 0;
  for (let i = 1; i < centres.length; i++) if (centres[i] - centres[i - 1] > 8) toolbarRows++;
  return {
    width: vw, height: vh,
    detail: document.querySelector('.sl-detail-inner')?.getAttribute('aria-label') ?? undefined,
    flowHead: document.querySelector('.sl-detail .sl-flow-head .sl-flow-num')?.textContent ?? undefined,
    flows: [...document.querySelectorAll('.sl-row-flow')].map((r) => ({ label: r.querySelector('.sl-flow-num')?.textContent ?? '', error: !!r.querySelector('.sl-badge-error') })),
    inView: [['verdict or its place', ...visible(verdict)], ['fix', ...visible(fix)], ['toolbar', ...visible(bar, { top: 0, bottom: vh })]],
    overflowing,
    toolbarRows,
  };
})()`;
