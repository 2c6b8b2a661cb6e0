import { shownValue } from '../input/fields';

/**
 * Upgrades older trace files one version at a time: MIGRATIONS[n] turns a version-n document into version n+1.
 * Version 1 is the first published version, so the table is empty until version 2 exists; the mechanism is
 * tested with a synthetic table so it works the day it is needed.
 */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrationResult =
  | { ok: true; doc: Record<string, unknown>; from: number }
  | { ok: false; reason: string };

export function migrate(doc: Record<string, unknown>, target: number, table: Readonly<Record<number, Migration>> = MIGRATIONS): MigrationResult {
  const from = doc.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    return { ok: false, reason: `the trace has no valid version number (found ${shownValue(from)})` };
  }
  if (from > target) {
    return {
      ok: false,
      reason: `this trace was written by a newer SAML Lens (trace format version ${from}); this version reads versions up to ${target}. Update SAML Lens to open it.`,
    };
  }
  let current = doc;
  for (let v = from; v < target; v++) {
    const step = table[v];
    if (!step) return { ok: false, reason: `no migration from trace format version ${v} to ${v + 1}` };
    try {
      current = { ...step(current), version: v + 1 };
    } catch {
      return { ok: false, reason: `the trace could not be upgraded from format version ${v} to ${v + 1}` };
    }
  }
  return { ok: true, doc: current, from };
}
