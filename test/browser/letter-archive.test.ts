/**
 * The auditor's archive of letters in a browser, on the local system: the attendance officer finds
 * it in the navigation, sees this school year's letters with student and case, narrows or widens
 * the period through the URL, opens a letter (shown in a sandbox) and its case; axe-core clean in
 * Dutch and English.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOUR_WEEK_FLOW } from '../../functions/domain/flows/four-week';
import { letterIdFor } from '../../functions/domain/letter';
import { startFlow } from '../../functions/domain/steps';
import { newTask, type Task } from '../../functions/domain/task';
import { invitationLetter } from '../../functions/mail/letters';
import { letterItem } from '../../functions/store/letters-repository';
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
let today = '';
let longAgo = '';
const EXPIRES = 4_102_444_800;

/** A 4-week case about the student with its invitation letter made on `createdOn`. */
async function caseWithLetter(
  store: Parameters<typeof createTask>[0],
  taskId: string,
  about: { studentId: string; studentName: string; teamId: string },
  createdOn: string,
): Promise<string> {
  const task = newTask({ taskId, kind: 'signal4w', about, createdOn, explanation: '4-wekensignaal' });
  await createTask(store, {
    ...startFlow(defaultCalendar, FOUR_WEEK_FLOW, task),
    expiresAt: EXPIRES,
  } as Task & {
    expiresAt: number;
  });
  const content = invitationLetter({
    studentName: about.studentName,
    from: addDays(createdOn, -28),
    to: addDays(createdOn, -7),
    date: addDays(createdOn, 3),
    details: '10.00 uur, lokaal B1.12',
    recipient: 'LPA',
    adult: false,
    officerName: 'Olaf Officer',
    officerEmail: 'olaf@school.example',
    schoolName: 'De Leijgraaf',
    createdOn,
  });
  const letterId = letterIdFor(taskId, 1, 'invitation');
  await store.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        letterItem(store, {
          letterId,
          kind: 'invitation',
          taskId,
          studentId: about.studentId,
          studentName: about.studentName,
          createdOn,
          by: 'vb-1',
          subject: content.subject,
          html: content.html,
          expiresAt: EXPIRES,
        }),
      ] as never,
    }),
  );
  return letterId;
}

let recent = '';
let old = '';

beforeAll(async () => {
  const seeded = await startSeededSystem();
  ({ system, today } = seeded);
  stopSystem = seeded.stop;
  longAgo = addDays(today, -400);
  recent = await caseWithLetter(
    seeded.store,
    't-4w-letter',
    { studentId: 's-a', studentName: 'Sam Aalders', teamId: 'team-a' },
    today,
  );
  // Made more than a school year ago: outside the archive's default period.
  old = await caseWithLetter(
    seeded.store,
    't-4w-old',
    { studentId: 's-b', studentName: 'Bo Bakker', teamId: 'team-b' },
    longAgo,
  );
  ({ browser, close: closeBrowser } = await launchBrowser());
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await closeBrowser?.();
  await stopSystem?.();
});

async function signIn(who = { staffId: 'vb-1', name: 'Olaf' }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(system.baseUrl);
  await page.getByLabel('Zoek medewerker').fill(who.name);
  await page.locator(`button[data-staff="${who.staffId}"]`).click();
  await page.locator('nav').waitFor();
  return page;
}

async function expectAxeClean(page: Page, what: string) {
  const violations = await axe(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

async function expectAxeCleanInBoth(page: Page, what: string, english: string, dutch: string) {
  await expectAxeClean(page, `${what} (nl)`);
  await page.getByTestId('lang').click();
  await page.getByText(english).first().waitFor();
  await expectAxeClean(page, `${what} (en)`);
  await page.getByTestId('lang').click();
  await page.getByText(dutch).first().waitFor();
}

const rowIds = (page: Page) =>
  page.locator('tr[data-letter]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-letter')));

describe("the attendance officer's letter archive", () => {
  it("lists this school year's letters with student and case, and widens the period through the URL", async () => {
    const page = await signIn();
    await page.getByRole('navigation').getByRole('link', { name: 'Brievenarchief' }).click();
    await page.locator('h1', { hasText: 'Brievenarchief' }).waitFor();
    await page.locator(`tr[data-letter="${recent}"]`).waitFor();
    expect(await rowIds(page)).toEqual([recent]);
    const row = page.locator(`tr[data-letter="${recent}"]`);
    expect(await row.textContent()).toContain('Sam Aalders');
    expect(await row.textContent()).toContain(today.split('-').reverse().join('-'));
    await expectAxeCleanInBoth(page, 'letter archive', 'Letter archive', 'Brievenarchief');

    await page.getByLabel('Van').fill(longAgo);
    await page.getByLabel('Tot en met').fill(today);
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.waitForURL(new RegExp(`from=${longAgo}&to=${today}`));
    await page.locator(`tr[data-letter="${old}"]`).waitFor();
    // Newest first.
    expect(await rowIds(page)).toEqual([recent, old]);

    // A period ending before it starts is refused in words, not sent.
    await page.getByLabel('Tot en met').fill(addDays(longAgo, -1));
    expect(await page.getByRole('alert').textContent()).toContain('einddatum ligt vóór de begindatum');
    expect(await page.getByRole('button', { name: 'Toon' }).isDisabled()).toBe(true);
  });

  it("opens a letter's text in a sandbox, and its case", async () => {
    const page = await signIn();
    await page.goto(`${system.baseUrl}/#/brieven`);
    await page
      .locator(`tr[data-letter="${recent}"]`)
      .getByRole('link', { name: /Uitnodiging|gesprek/i })
      .click();
    await page.getByTestId('letter-text').waitFor();
    const frame = page.getByTestId('letter-text');
    // No scripts and no same origin: the letter's HTML cannot reach the dashboard.
    expect(await frame.getAttribute('sandbox')).toBe('');
    const text = await page.frameLocator('[data-testid="letter-text"]').locator('body').textContent();
    expect(text).toContain('Beste Sam Aalders');
    expect(text).toContain('10.00 uur, lokaal B1.12');
    await expectAxeCleanInBoth(page, 'letter', 'Back to the letter archive', 'Terug naar het brievenarchief');

    await page.getByTestId('letter-details').getByRole('link', { name: 'Open zaak' }).click();
    await page.locator('h1', { hasText: '4-weken signaal: Sam Aalders' }).waitFor();
  });

  it("is not offered to a coach, who gets 'no access' at its address", async () => {
    const page = await signIn({ staffId: 'coach-a', name: 'Anna' });
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Brievenarchief' }).count()).toBe(0);
    await page.goto(`${system.baseUrl}/#/brieven`);
    await page.locator('h1', { hasText: 'Geen toegang' }).waitFor();
    expect(await page.locator('tr[data-letter]').count()).toBe(0);
  });
});
