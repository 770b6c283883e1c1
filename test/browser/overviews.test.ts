/**
 * Issue #13, "Overviews": the overviews page in a browser: a filter the server applies, team names
 * rather than ids, column headers that sort and say so (aria-sort), Dutch notation, axe-core clean.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '../../scripts/local/system';
import { axe, launchBrowser } from './browser';
import { startSeededSystem } from './system';

let system: LocalSystem;
let stopSystem: () => Promise<void>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext;

beforeAll(async () => {
  const seeded = await startSeededSystem();
  system = seeded.system;
  stopSystem = seeded.stop;
  ({ browser, close: closeBrowser } = await launchBrowser());
}, 180_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await closeBrowser?.();
  await stopSystem?.();
});

async function signInAsOfficer(): Promise<Page> {
  context = await browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto(system.baseUrl);
  await page.getByLabel('Zoek medewerker').fill('Olaf');
  await page.locator('button[data-staff="vb-1"]').click();
  await page.waitForURL(/#\/(coach|kpi|werklijst|beheer)/);
  await page.locator('nav').waitFor();
  return page;
}

describe('the overviews page', () => {
  it('filters on the server, names teams, sorts by a labelled column and shows Dutch figures', async () => {
    const page = await signInAsOfficer();
    await page.goto(`${system.baseUrl}/#/rapportages`);
    await page.locator('main table').waitFor();

    // The 16-hour reports of one unit: only Zorg B's, by name.
    await page.getByLabel('Eenheid').selectOption({ label: 'Zorg B' });
    await page.getByRole('button', { name: 'Tonen' }).click();
    await expect.poll(() => page.locator('main tbody tr').count(), { timeout: 20_000 }).toBe(1);
    await expect(page.locator('main tbody tr td').nth(1).textContent()).resolves.toBe('Zorg B');

    // Presence per student over the whole institution: percentages as "0 %" in Dutch notation.
    await page.getByLabel('Eenheid').selectOption({ label: 'Alles' });
    await page.getByLabel('Rapportage').selectOption({ label: 'Presentie per student' });
    await page.getByLabel('Van').fill('2026-09-01');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.locator('main tbody tr').first().waitFor();
    const details = await page.locator('main tbody tr td:nth-child(4)').allTextContents();
    expect(details.length).toBeGreaterThan(0);
    for (const d of details) expect(d).toMatch(/^\d{1,3}(,\d)? %$/);
    const teams = await page.locator('main tbody tr td:nth-child(2)').allTextContents();
    expect(teams.some((t) => t.startsWith('team-'))).toBe(false);

    // Sorting by team: the header says so, and the rows follow.
    const teamHeader = page.locator('main th', { hasText: 'Team' });
    await expect(teamHeader.getAttribute('aria-sort')).resolves.toBe('none');
    await teamHeader.getByRole('button').click();
    await expect(teamHeader.getAttribute('aria-sort')).resolves.toBe('ascending');
    const ascending = await page.locator('main tbody tr td:nth-child(2)').allTextContents();
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, 'nl')));
    await teamHeader.getByRole('button').click();
    await expect(teamHeader.getAttribute('aria-sort')).resolves.toBe('descending');

    const violations = await axe(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  }, 120_000);
});
