/**
 * The administrator edits in a browser, on the local system: posts a notice and withdraws it,
 * adds a holiday to the school calendar and saves it (told it applies from the next night);
 * a gap is named in Dutch before saving; axe-core clean.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '../../scripts/local/system';
import { addDays } from '../integration/api/fixture';
import { axe, launchBrowser } from './browser';
import { startSeededSystem } from './system';

let system: LocalSystem;
let today = '';
let stopSystem: () => Promise<void>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const seeded = await startSeededSystem();
  ({ system, today } = seeded);
  stopSystem = seeded.stop;
  ({ browser, close: closeBrowser } = await launchBrowser());
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await closeBrowser?.();
  await stopSystem?.();
});

async function signInAsAdmin(): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(system.baseUrl);
  await page.getByLabel('Zoek medewerker').fill('Ada');
  await page.locator('button[data-staff="adm-1"]').click();
  await page.waitForURL(/#\/beheer/);
  await page.locator('#notices-title').waitFor();
  return page;
}

async function expectNoAxeViolations(page: Page, what: string) {
  const violations = await axe(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe('the administrator edits in the dashboard (issue 13)', () => {
  it('posts a notice and withdraws it', async () => {
    const page = await signInAsAdmin();
    const date = addDays(today, 3);
    const form = page.getByRole('form', { name: 'Bericht plaatsen' });
    await form.getByLabel('Vanaf').fill(date);
    await form.getByLabel('Tekst (Nederlands)').fill('De school is morgen dicht.');
    await form.getByLabel('Tekst (Engels, optioneel)').fill('The school is closed tomorrow.');
    await form.getByRole('button', { name: 'Bericht plaatsen' }).click();
    const item = page.locator('li', { hasText: 'De school is morgen dicht.' });
    await item.waitFor();
    await expectNoAxeViolations(page, 'notice posted');
    await item.getByRole('button', { name: /Intrekken/ }).click();
    await item.waitFor({ state: 'detached' });
  });

  it('adds a holiday, says a gap in Dutch before saving, and saves from the next night on', async () => {
    const page = await signInAsAdmin();
    await expect(page.getByText('Zomervakantie').first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('Koningsdag', { exact: false }).first().isVisible()).resolves.toBe(true);
    const holiday = page.getByRole('form', { name: 'Vakantie toevoegen' });
    await holiday.getByLabel('Schooljaar').selectOption('2027-28');
    await holiday.getByLabel('Naam').fill('Extra vrij');
    await holiday.getByLabel('Van').fill('2028-06-05');
    await holiday.getByLabel('Tot').fill('2028-06-09');
    await holiday.getByRole('button', { name: 'Vakantie toevoegen' }).click();
    // A study day on a Saturday is named before anything is saved.
    const study = page.getByRole('form', { name: 'Studiedag toevoegen' });
    await study.getByLabel('Datum').fill('2027-03-13');
    await study.getByLabel('Naam').fill('Zaterdag');
    await study.getByRole('button', { name: 'Studiedag toevoegen' }).click();
    await expect(page.getByTestId('calendar-problems').textContent()).resolves.toContain(
      'Studiedag Zaterdag op 13-03-2027 valt in het weekend.',
    );
    await expectNoAxeViolations(page, 'calendar with a problem');
    await page.getByRole('button', { name: 'Verwijderen (13-03-2027)' }).click();
    await page.getByRole('button', { name: 'Kalender opslaan' }).click();
    await page.getByRole('row', { name: /Extra vrij/ }).waitFor();
    await expect(
      page.getByText('gelden vanaf de volgende nachtelijke controle').first().isVisible(),
    ).resolves.toBe(true);
    await expectNoAxeViolations(page, 'calendar saved');
  });
});
