export const NS = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
} as const;

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Renders ` name="value"` pairs, skipping undefined values, in the given order. */
export function attrs(pairs: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join('');
}

/** ISO instant `seconds` after `base`, without milliseconds (as IdPs write them). */
export function shift(base: string, seconds: number): string {
  return new Date(Date.parse(base) + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
