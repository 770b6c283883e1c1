/**
 * The attendance officer's worklist and task screen in a browser, on the local system: filter the
 * worklist, open a case, take it, complete a step, read the history; a stale form's refusal in
 * Dutch; axe-core clean in Dutch and English; nothing wider than a phone.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOUR_WEEK_FLOW } from '../../functions/domain/flows/four-week';
import { startFlow } from '../../functions/domain/steps';
import { newTask, type Task } from '../../functions/domain/task';
import { createTask } from '../../functions/store/tasks-repository';
import type { LocalSystem } from '../../scripts/local/system';
import { defaultCalendar } from '../../shared/calendar';
import { addDays } from '../integration/api/fixture';
import { axe, launchBrowser } from './browser';
import { startSeededSystem } from './system';

let system: LocalSystem;
let stopSystem: () => Promise<void>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const contexts: BrowserContext[] = [];
const TASK = 't-4w-browser';

beforeAll(async () => {
  const seeded = await startSeededSystem();
  ({ system } = seeded);
  stopSystem = seeded.stop;
  // A 4-week case about Sam Aalders (team Techniek A), its first step due two working days after.
  const task = newTask({
    taskId: TASK,
    kind: 'signal4w',
    about: { studentId: 's-a', studentName: 'Sam Aalders', teamId: 'team-a' },
    createdOn: addDays(seeded.today, -7),
    explanation: '4-wekensignaal: 3 keer afwezig in 4 weken',
  });
  await createTask(seeded.store, {
    ...startFlow(defaultCalendar, FOUR_WEEK_FLOW, task),
    expiresAt: 4_102_444_800,
  } as Task & { expiresAt: number });
  ({ browser, close: closeBrowser } = await launchBrowser());
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await closeBrowser?.();
  await stopSystem?.();
});

async function signIn(
  viewport = { width: 1280, height: 900 },
  who = { staffId: 'vb-1', name: 'Olaf' },
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(system.baseUrl);
  await page.getByLabel('Zoek medewerker').fill(who.name);
  await page.locator(`button[data-staff="${who.staffId}"]`).click();
  await page.waitForURL(/#\/werklijst/);
  await page.locator('nav').waitFor();
  return page;
}

async function expectAxeClean(page: Page, what: string) {
  const violations = await axe(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** Clean in Dutch, then in English, and back to Dutch. */
async function expectAxeCleanInBoth(page: Page, what: string, englishHeading: string, dutchHeading: string) {
  await expectAxeClean(page, `${what} (nl)`);
  await page.getByTestId('lang').click();
  await page.locator('h1', { hasText: englishHeading }).waitFor();
  await expectAxeClean(page, `${what} (en)`);
  await page.getByTestId('lang').click();
  await page.locator('h1', { hasText: dutchHeading }).waitFor();
}

const rowIds = (page: Page) =>
  page.locator('tr[data-task]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task')));

describe("the attendance officer's worklist and task screen", () => {
  it('filters the worklist, opens a case, takes it, completes a step and shows the history', async () => {
    const page = await signIn();
    await page.locator('h1', { hasText: 'Werklijst verzuimbegeleiding' }).waitFor();
    await page.locator(`tr[data-task="${TASK}"]`).waitFor();
    expect(await rowIds(page)).toContain('t-question');
    await expectAxeCleanInBoth(page, 'worklist', 'worklist', 'Werklijst');

    // The unit filter goes into the URL, and the server sends only that unit's tasks.
    await page.getByLabel('Team of afdeling').selectOption({ label: 'Techniek A' });
    await page.waitForURL(/unitId=team-a/);
    await page.locator(`tr[data-task="${TASK}"]`).waitFor();
    await page.locator('tr[data-task="t-question"]').waitFor({ state: 'detached' });
    expect(await rowIds(page)).toEqual([TASK]);
    const row = page.locator(`tr[data-task="${TASK}"]`);
    expect(await row.textContent()).toContain('Anna Coach');
    expect(await row.textContent()).toContain('Techniek A');

    await row.getByRole('link', { name: '4-weken signaal' }).click();
    await page.locator('h1', { hasText: '4-weken signaal: Sam Aalders' }).waitFor();
    // Focus lands in the form of the current step.
    await page.getByTestId('step-form').waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('form')?.dataset.testid)).toBe(
      'step-form',
    );
    await expectAxeCleanInBoth(page, 'task page', 'signal: Sam Aalders', 'signaal: Sam Aalders');

    await page.getByRole('button', { name: 'Ik pak dit op' }).click();
    await page.getByTestId('task-owner').filter({ hasText: 'Olaf Officer' }).waitFor();
    expect(await page.getByTestId('task-status').textContent()).toBe('in behandeling');

    // A second session (its own tab) still showing the first step, to be refused later.
    const stale = await signIn();
    await stale.goto(page.url());
    await stale.getByTestId('step-form').waitFor();

    await page.getByLabel('Verzuim klopt', { exact: true }).check();
    await page.getByLabel(/Toelichting bij de stap/).fill('Coach bevestigt: niet op school.');
    await page.getByRole('button', { name: 'Stap afronden' }).click();
    await page.getByRole('status').filter({ hasText: 'Stap afgerond.' }).waitFor();
    const check = page.locator('li[data-step="check"]');
    expect(await check.getAttribute('data-state')).toBe('done');
    expect(await check.textContent()).toContain('Olaf Officer');
    expect(await check.textContent()).toContain('Coach bevestigt: niet op school.');
    expect(await page.locator('li[data-step="invitation"]').getAttribute('data-state')).toBe('current');

    const history = page.getByTestId('task-history');
    await expect(history.textContent()).resolves.toContain('Opgepakt door: geen → Olaf Officer');
    expect(await history.textContent()).toContain('Status: open → in behandeling');
    expect(await history.textContent()).not.toContain('vb-1');

    // The stale tab's step was done meanwhile: the server's refusal reads as Dutch text.
    await stale.getByLabel('Verzuim klopt', { exact: true }).check();
    await stale.getByRole('button', { name: 'Stap afronden' }).click();
    const refusal = stale.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('is nu niet aan de beurt');
    expect(await refusal.textContent()).not.toMatch(/step|check/);
  });

  it('fits a 390 px wide phone: the worklist and the task page do not scroll sideways', async () => {
    const page = await signIn({ width: 390, height: 844 });
    await page.locator(`tr[data-task="${TASK}"]`).waitFor();
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await width()).toBeLessThanOrEqual(390);
    await page.goto(`${system.baseUrl}/#/taken/${TASK}`);
    await page.locator('#history-title').waitFor();
    expect(await width()).toBeLessThanOrEqual(390);
  });

  it('gives the front office its own page title over its corrections, each opening its task page', async () => {
    const page = await signIn(undefined, { staffId: 'fo-1', name: 'Fenna' });
    await page.locator('h1', { hasText: 'Correcties presentie' }).waitFor();
    await page.locator('tr[data-task="t-correction"]').waitFor();
    expect(await rowIds(page)).toEqual(['t-correction']);
    await page
      .locator('tr[data-task="t-correction"]')
      .getByRole('link', { name: 'Correctie presentie' })
      .click();
    await page.locator('h1', { hasText: 'Correctie presentie: Bo Bakker' }).waitFor();
    await expectAxeClean(page, 'front office task page');
  });
});
