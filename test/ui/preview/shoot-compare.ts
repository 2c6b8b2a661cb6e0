// Dev preview of "Compare with…" (issue 11): the panel over the certificate-rollover pair of
// test/fixtures/diff (one capture, two logins), and the claim-renamed pair under twilio-flex. Saves
// screenshots at 1280x800 and 550x630, light and dark. `npx tsx test/ui/preview/shoot-compare.ts [outDir]`.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { readInput } from '../../../lib/core/input';
import type { TraceEntry } from '../../../lib/core/model';
import { loadTestKey } from '../../../lib/samlgen';
import { ACCOUNT_SID } from '../../fixtures/flows/scenarios';
import { okta } from '../../fixtures/flows/idps';
import { buildPreview } from './bundle';

const out = resolve(process.argv[2] ?? '/tmp/sl-preview-compare');
const root = join(import.meta.dirname, '..', '..', '..');

function capture(...files: string[]): TraceEntry[] {
  return files.flatMap((f, i) => readInput(readFileSync(join(root, 'test/fixtures/diff', f), 'utf8'), { name: f }).entries.map((e) => ({ ...e, id: `${i + 1}:${e.id}` })));
}

const trusted = { trustedCertificates: [loadTestKey('idp').certificatePem] };
const scenarios = [
  { name: 'rollover', entries: capture('entra-before-rollover.har', 'entra-after-rollover.har'), settings: trusted },
  {
    name: 'claim',
    entries: capture('flex-roles.har', 'flex-role-renamed.har'),
    settings: { ...trusted, profile: 'twilio-flex', accountSid: ACCOUNT_SID, idpEntityId: okta.entityId },
  },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--allow-file-access-from-files'] });
const errors: string[] = [];

/** Opens the panel, selects the first login's Response, and compares its flow with the second login's. */
async function compareFlows(page: Page, dir: string, theme: string, dialogShot?: string): Promise<void> {
  await page.goto(`file://${dir}/index.html?mode=panel&theme=${theme}`);
  await page.waitForSelector('.sl-row-msg', { timeout: 15_000 });
  await page.locator('.sl-row-msg', { hasText: 'Response' }).first().click();
  await page.keyboard.press('Enter');
  await page.locator('.sl-compare-open').click();
  await page.waitForSelector('.sl-compare-dialog');
  if (dialogShot) await page.screenshot({ path: join(out, dialogShot) });
  await page.locator('.sl-compare-go').click();
  await page.waitForSelector('.sl-cmp-headline');
  await page.waitForTimeout(150);
}

for (const s of scenarios) {
  const dir = join(out, s.name);
  mkdirSync(dir, { recursive: true });
  await buildPreview(dir, s.entries, s.settings);
  for (const [w, h] of [
    [1280, 800],
    [550, 630],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    for (const theme of ['light', 'dark']) {
      if (s.name === 'claim' && (w !== 1280 || theme !== 'light')) continue;
      await compareFlows(page, dir, theme, s.name === 'rollover' && theme === 'light' ? `compare-dialog-${w}x${h}.png` : undefined);
      await page.screenshot({ path: join(out, `compare-${s.name}-${w}x${h}-${theme}.png`) });
      console.log(`${s.name} ${w}x${h} ${theme}:`, (await page.locator('.sl-cmp-headline').textContent())?.slice(0, 160));
    }
    await page.close();
  }
}
console.log(errors.length ? `page errors:\n${errors.join('\n')}` : 'no page errors');
await browser.close();
