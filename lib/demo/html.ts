/** Escapes text for HTML content and attribute values: the demo pages show hostile values too. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function page(title: string, body: string, opts: { autoSubmit?: boolean } = {}): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1f1f1f; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
  .box { border: 1px solid #ccc; border-radius: 8px; padding: .75rem 1rem; margin: .75rem 0; }
  .scenarios { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .75rem; }
  .scenarios a { display: block; border: 1px solid #1a73e8; border-radius: 8px; padding: .6rem .8rem; text-decoration: none; color: inherit; }
  .scenarios a:hover { background: #e8f0fe; } .scenarios b { color: #1a73e8; }
  code, pre, textarea { font: 12px/1.4 ui-monospace, monospace; } pre, textarea { white-space: pre-wrap; word-break: break-all; width: 100%; }
  dt { font-weight: 600; } dd { margin: 0 0 .5rem; }
  button { font: inherit; padding: .4rem 1rem; }
  .fail { color: #b3261e; } .ok { color: #137333; }
</style></head>
<body${opts.autoSubmit ? ' onload="document.forms[0].submit()"' : ''}>${body}</body></html>`;
}

/** An auto-submitting form, the HTTP-POST binding's carrier. */
export function postForm(action: string, fields: Record<string, string | undefined>, title: string): string {
  const inputs = Object.entries(fields)
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${esc(name)}" value="${esc(value)}">`)
    .join('');
  return page(
    title,
    `<form method="post" action="${esc(action)}">${inputs}<noscript><button>Continue</button></noscript></form><p>${esc(title)}…</p>`,
    { autoSubmit: true },
  );
}
