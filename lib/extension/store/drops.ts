import type { CaptureDrops } from '../../ui/data-source';

/**
 * What the capture had to drop, counted so the panel can say so instead of losing it silently. Stored
 * under one key in the captures' own area (so "keep across restarts" keeps it too, and Clear resets it).
 */
export const DROPS_KEY = 'captureDrops';

export const NO_DROPS: CaptureDrops = { window: 0, quota: 0, saml: 0 };

export function readDrops(value: unknown): CaptureDrops {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const n = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? Math.floor(x) : 0);
  return { window: n(v.window), quota: n(v.quota), saml: n(v.saml) };
}

export function addDrops(a: CaptureDrops, b: Partial<CaptureDrops>): CaptureDrops {
  return { window: a.window + (b.window ?? 0), quota: a.quota + (b.quota ?? 0), saml: a.saml + (b.saml ?? 0) };
}

