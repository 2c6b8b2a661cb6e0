import type { CaptureDrops } from '../data-source';

/** The panel's sentence about what the capture dropped, or undefined when it dropped nothing. */
export function describeDrops(d: CaptureDrops | undefined): string | undefined {
  if (!d || d.window + d.quota + d.saml === 0) return undefined;
  const n = (x: number, what: string) => `${x.toLocaleString('en-US')} ${what}${x === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (d.saml) parts.push(`${n(d.saml, 'SAML message')} could not be stored because the browser's storage quota is full (export what you need, then Clear)`);
  if (d.quota) parts.push(`${n(d.quota, 'older non-SAML request')} removed to make room when the storage quota was reached`);
  if (d.window) parts.push(`${n(d.window, 'older non-SAML request')} dropped by the capture window`);
  return `Dropped: ${parts.join('; ')}.`;
}
