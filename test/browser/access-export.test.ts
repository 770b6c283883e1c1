/**
 * The student's right of access (AVG art. 15) in a browser, on the local system: the attendance
 * officer opens a student's access export from the student page as a printable document in a new
 * tab, and downloads it as JSON; a coach is not offered it; axe-core clean in Dutch and English.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '../../scripts/local/system';
import { axe, launchBrowser } from './browser';
import { startSeededSystem } from './system';

let system: LocalSystem;
let stopSystem: () => Promise<void>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const seeded = await startSeededSystem();
  system = seeded.system;
  stopSystem = seeded.stop;
  ({ browser, close: closeBrowser } = await launchBrowser());
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await closeBrowser?.();
  await stopSystem?.();
});

async function signIn(staffId: string, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(system.baseUrl);
  await page.getByLabel('Zoek medewerker').fill(name);
  await page.locator(`button[data-staff="${staffId}"]`).click();
  await page.locator('nav').waitFor();
  return { context, page };
}

async function expectAxeClean(page: Page, what: string) {
  const violations = await axe(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe("the access export on the student's page", () => {
  it('opens as a printable Dutch document in a new tab and downloads as JSON, for the attendance officer', async () => {
    const { context, page } = await signIn('vb-1', 'Olaf');
    await page.goto(`${system.baseUrl}/#/studenten/s-a`);
    await page.locator('#access-title').waitFor();
    await expectAxeClean(page, 'student page with the access export (nl)');

    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open als document om te printen' }).click(),
    ]);
    await tab.locator('h1', { hasText: 'Inzage in persoonsgegevens: Sam Aalders' }).waitFor();
    expect(await tab.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining([
        'Kloppen de gegevens niet?',
        'Registraties per les',
        'Meldingen en hun afhandeling',
      ]),
    );
    await expectAxeClean(tab, 'the printable access export');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download als JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('inzage-s-a.json');
    const exported = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
    expect(exported.student).toMatchObject({ studentId: 's-a', displayName: 'Sam Aalders' });
    expect(exported.reports.length).toBeGreaterThan(0);

    await page.getByTestId('lang').click();
    await page.getByRole('button', { name: 'Open as a printable document' }).waitFor();
    await expectAxeClean(page, 'student page with the access export (en)');
  });

  it('is not offered to a coach on the page of their own student', async () => {
    const { page } = await signIn('coach-a', 'Anna');
    await page.goto(`${system.baseUrl}/#/studenten/s-a`);
    await page.locator('#weeks-title').waitFor();
    expect(await page.locator('#access-title').count()).toBe(0);
  });
});
