// Dev preview: bundles the UI with esbuild, opens it in Chromium over an in-memory trace and saves
// screenshots. `npx tsx test/ui/preview/shoot.ts [outDir] [noiseCount]`. Not part of `npm test`.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { buildPreview } from './bundle';
import { sampleTrace, noise, idpMetadata } from './sample';

const out = resolve(process.argv[2] ?? '/tmp/sl-preview');
const extra = Number(process.argv[3] ?? 0);
mkdirSync(out, { recursive: true });

const entries = [...sampleTrace(), ...noise(extra)];
await buildPreview(out, entries);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--allow-file-access-from-files'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const errors: string[] = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
page.on('dialog', (d) => (errors.push(`DIALOG ${d.message()}`), void d.dismiss()));

for (const theme of ['light', 'dark']) {
  await page.goto(`file://${out}/index.html?mode=panel&theme=${theme}`);
  await page.waitForSelector('.sl-row-msg', { timeout: 15_000 });
  await page.waitForTimeout(300);
  const t0 = Date.now();
  await page.locator('.sl-row-msg').nth(1).click();
  await page.waitForSelector('.sl-detail-head');
  console.log(`${theme}: detail shown in ${Date.now() - t0} ms; rows ${await page.locator('.sl-vrow').count()} rendered`);
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(out, `panel-${theme}.png`) });
  if (theme === 'light') {
    await page.locator('.sl-card h4', { hasText: 'Attributes' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, 'panel-summary.png') });
    await page.locator('.sl-tab', { hasText: 'HTTP' }).click();
    await page.locator('.sl-http').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, 'panel-http.png') });
  }
}
// Settings drawer: import IdP metadata, save, and the same response is judged again with the trusted certificate.
await page.goto(`file://${out}/index.html?mode=panel&theme=light`);
await page.waitForSelector('.sl-row-msg');
await page.locator('.sl-row-msg').nth(1).click();
console.log('before trust:', await page.locator('.sl-sig-status').first().textContent());
await page.locator('button', { hasText: 'Settings' }).click();
await page.locator('summary', { hasText: 'Import IdP metadata' }).click();
await page.locator('.sl-import textarea').first().fill(idpMetadata());
await page.locator('button', { hasText: 'Import pasted metadata' }).first().click();
await page.waitForTimeout(200);
await page.screenshot({ path: join(out, 'panel-settings.png') });
console.log('import note:', await page.locator('.sl-note').textContent());
await page.locator('.sl-drawer button', { hasText: /^Save$/ }).click();
await page.waitForFunction(() => document.querySelector('.sl-sig-status')?.textContent === 'valid', null, { timeout: 15_000 }).catch(() => undefined);
console.log('after trust:', await page.locator('.sl-sig-status').first().textContent());
await page.keyboard.press('Escape');
await page.locator('.sl-list').focus();
await page.keyboard.press('ArrowDown');
await page.keyboard.press('ArrowDown');
await page.waitForTimeout(200);
await page.locator('button', { hasText: 'Show in XML' }).first().click().catch(() => undefined);
await page.waitForTimeout(300);
await page.screenshot({ path: join(out, 'panel-xml.png') });
if (extra > 0) {
  // Responsiveness with many captured requests: the list is virtualised, so only visible rows exist.
  await page.goto(`file://${out}/index.html?mode=panel&theme=light`);
  await page.waitForSelector('.sl-row-msg', { timeout: 60_000 });
  let t = Date.now();
  await page.locator('label', { hasText: 'Other requests' }).click();
  await page.waitForSelector('.sl-row-other');
  console.log(`${entries.length} entries: timeline shown in ${Date.now() - t} ms, ${await page.locator('.sl-vrow').count()} row elements in the DOM`);
  t = Date.now();
  await page.locator('.sl-search').pressSequentially('asset/4999', { delay: 0 });
  await page.waitForFunction(() => document.querySelectorAll('.sl-row-other').length === 1);
  console.log(`filter typed and applied in ${Date.now() - t} ms`);
  await page.locator('.sl-search').fill('');
  await page.waitForFunction(() => document.querySelectorAll('.sl-row-other').length > 1);
  await page.locator('.sl-list').focus();
  t = Date.now();
  for (let i = 0; i < 200; i++) await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('.sl-selected .sl-path')?.textContent?.includes('.js'));
  console.log(`200 ArrowDown presses in ${Date.now() - t} ms`);
  await page.screenshot({ path: join(out, 'panel-5000.png') });
}
for (const theme of ['light', 'dark']) {
  await page.goto(`file://${out}/index.html?mode=panel&theme=${theme}`);
  await page.waitForSelector('.sl-row-msg');
  await page.click('.sl-export-open');
  await page.locator('input[name="sl-export-profile"][value="share"]').check();
  await page.waitForSelector('.sl-preview-table');
  await page.screenshot({ path: join(out, `export-${theme}.png`) });
  await page.keyboard.press('Escape');
}
await page.locator('.sl-row-msg').nth(1).click();
await page.locator('button', { hasText: 'HTML report' }).click();
await page.waitForSelector('.sl-report');
await page.screenshot({ path: join(out, 'report-dialog.png') });
await page.keyboard.press('Escape');
await page.goto(`file://${out}/index.html?mode=options&theme=light`);
await page.waitForSelector('.sl-settings');
await page.screenshot({ path: join(out, 'options.png'), fullPage: true });
await page.goto(`file://${out}/index.html?mode=viewer&theme=light`);
await page.waitForSelector('.sl-paste');
await page.fill('.sl-paste', 'this is not SAML');
await page.click('text=Decode');
await page.waitForTimeout(500);
await page.screenshot({ path: join(out, 'viewer.png') });
console.log(errors.length ? `page errors:\n${errors.join('\n')}` : 'no page errors');
await browser.close();
