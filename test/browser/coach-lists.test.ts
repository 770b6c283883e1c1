/**
 * #13 in a browser: the coach's open reports grouped by student with one action for several,
 * a referral from a student's row with focus in the form, the referral history on the student
 * page, and every main page on a 390 px phone without sideways page scroll, axe-core clean.
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

async function signIn(
  staffId: string,
  name: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(system.baseUrl);
  await page.getByLabel('Zoek medewerker').fill(name);
  await page.locator(`button[data-staff="${staffId}"]`).click();
  await page.waitForURL(/#\/(coach|kpi|werklijst|beheer)/);
  await page.locator('nav').waitFor({ state: 'attached' });
  return page;
}

async function expectAxeClean(page: Page, what: string) {
  const violations = await axe(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe("the coach's lists", () => {
  it('groups the open reports by student and applies one action to several of them', async () => {
    const page = await signIn('coach-a', 'Anna');
    const group = page.locator('li.group[data-student="s-a"]');
    await group.waitFor();
    await expect(group.getByTestId('group-facts').textContent()).resolves.toMatch(/^: 55 open, 1 te laat$/);
    await group.getByRole('button', { name: /Sam Aalders/ }).click();
    // Overdue first.
    await expect(group.locator('tr[data-report]').first().getAttribute('data-report')).resolves.toBe(
      'r-a-27',
    );
    const boxes = group.locator('tr[data-report] input[type="checkbox"]');
    await boxes.nth(1).check();
    await boxes.nth(2).check();
    const form = page.getByTestId('bulk-form');
    await expect(form.locator('h4').textContent()).resolves.toContain('2 gekozen');
    await expectAxeClean(page, 'coach page with the bulk form');
    await form.getByLabel('Melden: nee, vraag aan de verzuimbegeleider').check();
    await form.getByLabel('Toelichting (verplicht)').fill('Twee keer niet gekomen.');
    await form.getByRole('button', { name: 'Toepassen op gekozen meldingen' }).click();
    await expect(page.getByTestId('bulk-result').locator('p').textContent()).resolves.toBe(
      '2 toegepast, 0 geweigerd.',
    );
    await group
      .getByTestId('group-facts')
      .filter({ hasText: /^: 53 open/ })
      .waitFor();
  });

  it('opens a referral beside the student row with focus in it; Escape returns focus; the student page shows it', async () => {
    const page = await signIn('coach-a', 'Anna');
    const row = page.locator('tr[data-student-row="s-a"]');
    await row.waitFor();
    await expect(row.getByTestId('window-hours').textContent()).resolves.toContain('1 u 30 min');
    const refer = row.locator('button', { hasText: 'Doorverwijzen naar verzuimbegeleider' });
    await expect(refer.textContent()).resolves.toMatch(
      /Doorverwijzen naar verzuimbegeleider\s*: Sam Aalders/,
    );
    await refer.click();
    const form = page.getByTestId('referral-form');
    await form.waitFor();
    // The form is in the row right after the student's.
    await expect(
      page.locator('tr[data-student-row="s-a"] + tr').getByTestId('referral-form').count(),
    ).resolves.toBe(1);
    await expect(page.evaluate(() => document.activeElement?.closest('form')?.dataset.testid)).resolves.toBe(
      'referral-form',
    );
    await expectAxeClean(page, 'coach page with the referral form');
    await page.keyboard.press('Escape');
    await expect(form.count()).resolves.toBe(0);
    await expect(refer.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    await refer.click();
    await page.getByLabel('Huisbezoek (student onbereikbaar)').check();
    await page.getByLabel('Korte toelichting').fill('Niet bereikbaar.');
    await page.getByRole('button', { name: 'Doorverwijzen', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Doorverwijzing verstuurd.' }).waitFor();
    await expect(refer.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    await page.goto(`${system.baseUrl}/#/studenten/s-a`);
    const history = page.getByTestId('referral-history');
    await history.waitFor();
    await expect(history.locator('tbody tr').first().textContent()).resolves.toMatch(
      /Huisbezoek.*Anna Coach.*open/,
    );
    await expect(page.locator('main p.muted').first().textContent()).resolves.toContain('Team Techniek A');
    await expectAxeClean(page, 'student page with referral history');
  });
});

describe('on a 390 px phone', () => {
  it('has no sideways page scroll on any main page, a menu button for the links, and no axe-core violation', async () => {
    const pages: [string, string, string, string][] = [
      ['coach-a', 'Anna', '#/coach', 'li.group'],
      ['coach-a', 'Anna', '#/meldingen/r-a-26', '#lessons-title'],
      ['coach-a', 'Anna', '#/studenten/s-a', '#weeks-title'],
      ['vb-1', 'Olaf', '#/kpi', 'tr[data-unit]'],
      ['vb-1', 'Olaf', '#/kpi/team-a', 'tr[data-report]'],
      ['vb-1', 'Olaf', '#/rapportages', 'h1'],
      ['vb-1', 'Olaf', '#/werklijst', 'tr[data-task]'],
      ['vb-1', 'Olaf', '#/taken/t-question', '#history-title'],
      ['vb-1', 'Olaf', '#/brieven', 'h1'],
      ['adm-1', 'Ada', '#/beheer', '#mails-title'],
      ['adm-1', 'Ada', '#/beheer/import', 'main h1'],
    ];
    for (const [staffId, name, hash, ready] of pages) {
      const page = await signIn(staffId, name, { width: 390, height: 844 });
      await page.goto(`${system.baseUrl}/${hash}`);
      await page.locator(ready).first().waitFor();
      if (hash === '#/coach') await page.locator('li.group button[aria-expanded]').first().click();
      const width = await page.evaluate(
        () => (document.scrollingElement ?? document.documentElement).scrollWidth,
      );
      expect(width, `${staffId} ${hash}`).toBeLessThanOrEqual(390);
      // The links fold behind the menu button.
      const menu = page.getByRole('button', { name: 'Menu' });
      await expect(page.locator('#nav-links').isVisible()).resolves.toBe(false);
      await menu.click();
      await expect(page.locator('#nav-links').isVisible()).resolves.toBe(true);
      const menuWidth = await page.evaluate(
        () => (document.scrollingElement ?? document.documentElement).scrollWidth,
      );
      expect(menuWidth, `${staffId} ${hash} with the menu open`).toBeLessThanOrEqual(390);
      await expectAxeClean(page, `${staffId} ${hash} at 390 px`);
    }
  }, 400_000);

  it('keeps the links in the header on a wide screen', async () => {
    const page = await signIn('coach-a', 'Anna', { width: 1280, height: 800 });
    await expect(page.getByRole('button', { name: 'Menu' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('#nav-links').isVisible()).resolves.toBe(true);
  });
});
