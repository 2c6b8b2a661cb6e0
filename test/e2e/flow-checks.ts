// What a person sees of a capture, browser-independent, and the checks the Chromium and Firefox runs share:
// each SAML message's kind, binding and findings; the restart tests compare it before and after, the
// Firefox run compares it with Chromium's.
import { expect } from 'vitest';
import { analyze } from '../../lib/core/analyze';
import { looksLikeSaml } from '../../lib/core/binding';
import type { AnalyzeOptions, TraceEntry } from '../../lib/core/model';

export interface JudgedMessage {
  kind: string;
  id: string | undefined;
  binding: string;
  findings: string[];
}

/** The SAML messages among `entries`, judged with `settings`; findings as sorted "severity rule". */
export async function judged(entries: TraceEntry[], settings: AnalyzeOptions): Promise<JudgedMessage[]> {
  return (await analyze(entries.filter(looksLikeSaml), settings)).messages.map((m) => ({
    kind: m.kind,
    id: m.id,
    binding: m.binding,
    findings: m.findings.map((f) => `${f.severity} ${f.rule}`).sort(),
  }));
}

/** How many judged messages carry at least one error: what the toolbar badge shows. */
export const withErrors = (messages: JudgedMessage[]) => messages.filter((m) => m.findings.some((f) => f.startsWith('error '))).length;

/** A correct sign-in and sign-out, as stored: four messages in order, the redirect chain, cookies, no error. */
export async function expectCleanSignInAndOut(entries: TraceEntry[], settings: AnalyzeOptions): Promise<void> {
  const messages = await judged(entries, settings);
  expect(messages.map((m) => m.kind)).toEqual(['AuthnRequest', 'Response', 'LogoutRequest', 'LogoutResponse']);
  expect(messages.map((m) => m.binding)).toEqual(['HTTP-Redirect', 'HTTP-POST', 'HTTP-Redirect', 'HTTP-Redirect']);
  // The redirect chain around them is kept (the SP's 302 carrying the AuthnRequest in Location).
  expect(entries.some((e) => e.url.endsWith('/login') && e.responseStatus === 302 && e.redirectUrl?.includes('SAMLRequest='))).toBe(true);
  // Cookies are visible (extraHeaders in Chromium), as is the response status.
  const acs = entries.filter(looksLikeSaml).find((e) => e.method === 'POST');
  expect(acs?.requestHeaders.some((h) => h.name.toLowerCase() === 'cookie')).toBe(true);
  expect(acs?.responseStatus).toBe(200);
  expect(acs?.tabId).toBeGreaterThan(0);
  // A correctly configured IdP gets no error.
  expect(messages.flatMap((m) => m.findings.filter((f) => f.startsWith('error ')).map((f) => `${m.kind}: ${f}`))).toEqual([]);
}

/** "Keep captures across restarts" on: every message of a sign-in and sign-out is back, judged the same. */
export async function expectKeptAcrossRestart(before: TraceEntry[], after: TraceEntry[], settings: AnalyzeOptions, browser: string): Promise<void> {
  const [judgedBefore, judgedAfter] = [await judged(before, settings), await judged(after, settings)];
  console.log(`[e2e ${browser}] restart with keep on: ${before.filter(looksLikeSaml).length} SAML messages before, ${after.filter(looksLikeSaml).length} after; findings ${JSON.stringify(judgedAfter.map((m) => `${m.kind}: ${m.findings.length}`))}`);
  expect(judgedBefore.map((m) => m.kind)).toEqual(['AuthnRequest', 'Response', 'LogoutRequest', 'LogoutResponse']);
  expect(judgedBefore.some((m) => m.findings.length > 0)).toBe(true);
  expect(judgedAfter).toEqual(judgedBefore);
  // Nothing captured before the restart is lost, in order. A request the browser made after the last look
  // (Firefox fetches the favicon late) may be there too: it was captured while the setting was on.
  expect(after.filter(looksLikeSaml).map((e) => e.url)).toEqual(before.filter(looksLikeSaml).map((e) => e.url));
  const afterUrls = after.map((e) => e.url);
  let at = 0;
  const missing = before.map((e) => e.url).filter((url) => {
    const found = afterUrls.indexOf(url, at);
    if (found < 0) return true;
    at = found + 1;
    return false;
  });
  expect(missing).toEqual([]);
}

/** "Keep captures across restarts" off: no captured entry, marker or drop count is left in either storage area. */
export function expectNothingLeft(before: TraceEntry[], keys: { session: string[]; local: string[] }, browser: string): void {
  expect(before.filter(looksLikeSaml).length).toBe(4);
  const left = [...keys.session, ...keys.local].filter((k) => k.startsWith('e:') || k.startsWith('u:') || k.startsWith('p:') || k === 'captureDrops');
  console.log(`[e2e ${browser}] restart with keep off: ${before.filter(looksLikeSaml).length} SAML messages before, ${left.length} captured keys after (session: ${keys.session.join(' ') || 'none'}; local: ${keys.local.join(' ')})`);
  expect(left).toEqual([]);
}
