import browser from 'webextension-polyfill';
import type { AnalyzeOptions, TraceEntry } from '../core/model';
import type { Settings } from '../ui/data-source';
import { analyze } from '../core/analyze';

/** The judge's options from the user's settings (the extension-only fields left out). */
export function analyzeOptions(settings: Settings): AnalyzeOptions {
  const { version: _v, keepAcrossRestart: _k, rememberSpKey: _r, theme: _t, ...expectations } = settings;
  return expectations;
}

/** How many captured SAML messages have at least one error finding. */
export async function countMessagesWithErrors(entries: TraceEntry[], settings: Settings): Promise<number> {
  if (entries.length === 0) return 0;
  try {
    const report = await analyze(entries, analyzeOptions(settings));
    return report.messages.filter((m) => m.findings.some((f) => f.severity === 'error')).length;
  } catch {
    // The badge is a hint; a failure of the judge must not stop capture. The panel shows the details.
    return 0;
  }
}

export async function showBadge(count: number): Promise<void> {
  // MV3 has `action`; Firefox MV2 only `browserAction`.
  const action = (browser.action as typeof browser.action | undefined) ?? (browser.browserAction as typeof browser.browserAction | undefined);
  if (!action) return;
  await action.setBadgeBackgroundColor({ color: '#c5221f' });
  await action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await action.setTitle({ title: count > 0 ? `SAML Lens: ${count} message${count === 1 ? '' : 's'} with errors` : 'SAML Lens' });
}
