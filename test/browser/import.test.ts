/**
 * The administrator's import in a browser, on the local system: a small CSV chosen with the file
 * input, its preview and the column picker, the dry run with a refused row, the confirmation and
 * the result; axe-core clean.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '../../scripts/local/system';
import { axe, launchBrowser } from './browser';
import { startSeededSystem } from './system';

let system: LocalSystem;
let stopSystem: () => Promise<void>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let today = '';

beforeAll(async () => {
  const seeded = await startSeededSystem();
  ({ system, today } = seeded);
  stopSystem = seeded.stop;
  ({ browser, close: closeBrowser } = await launchBrowser());
}, 180_000);

afterAll(async () => {
  await closeBrowser?.();
  await stopSystem?.();
});

async function expectAxeClean(page: Page, what: string) {
  const violations = await axe(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe("the administrator's import page", () => {
  it('previews a CSV, matches its columns, shows a refused row in the dry run, and imports after confirming', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(system.baseUrl);
    await page.getByLabel('Zoek medewerker').fill('Ada');
    await page.locator('button[data-staff="adm-1"]').click();
    await page.locator('nav').waitFor();
    await page.getByRole('link', { name: 'Gegevens importeren' }).click();
    await page.locator('h1', { hasText: 'Gegevens importeren' }).waitFor();

    const date = today.split('-').reverse().join('-');
    const csv = [
      'Studentnummer;Datum;Begintijd;Eindtijd;Absentiecode',
      `s-a;${date};08:30;09:20;Z`,
      `s-onbekend;${date};08:30;09:20;Z`,
    ].join('\r\n');
    await page.getByLabel('Bestand (CSV of .xlsx)').setInputFiles({
      name: 'absenties.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${csv}`),
    });
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-preview').textContent()).toContain('s-onbekend');
    expect(await page.getByLabel('Studentnummer *').inputValue()).toBe('Studentnummer');
    expect(await page.locator('#import-field-date').inputValue()).toBe('Datum');
    expect(await page.locator('#import-code-Z').inputValue()).toBe('Z');
    await expectAxeClean(page, 'import: columns');

    await page.getByRole('button', { name: 'Proefimport starten' }).click();
    await page.getByTestId('import-refusals').waitFor();
    const refused = await page.getByTestId('import-refusals').textContent();
    expect(refused).toContain('s-onbekend');
    expect(refused).toContain('Onbekende student');
    await expectAxeClean(page, 'import: dry run');

    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toContain('1 rijen verwerkt');
    await expectAxeClean(page, 'import: done');
  });
});
