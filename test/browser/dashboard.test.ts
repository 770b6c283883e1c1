import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonArchiveObjectKey } from '../../functions/store/keys';
import { createReport } from '../../functions/store/reports-repository';
import { putArchiveSummary, type WeekTotals } from '../../functions/store/week-totals';
import type { LocalSystem } from '../../scripts/local/system';
import { formatMinutes } from '../../shared/i18n';
import { addDays, report } from '../integration/api/fixture';
import { axe, launchBrowser } from './browser';
import { startSeededSystem } from './system';

/** Two weeks of an archived school year, as the archive wrote their totals. */
const archivedWeek = (
  weekStart: string,
  presentMinutes: number,
  unauthorizedMinutes: number,
): WeekTotals => ({
  studentId: 's-a',
  schoolYear: '2023-24',
  weekStart,
  schoolDays: 5,
  lessons: 7,
  lessonMinutes: presentMinutes + 90 + unauthorizedMinutes,
  presentMinutes,
  authorizedMinutes: 90,
  unauthorizedMinutes,
  unauthorizedAbsentLessons: unauthorizedMinutes > 0 ? 1 : 0,
  unauthorizedLateOrEarly: 0,
  sickDays: 0,
  minutesByReason: {},
});
const ARCHIVED_WEEKS = [archivedWeek('2023-09-04', 900, 0), archivedWeek('2023-09-11', 780, 120)];

let system: LocalSystem;
let today: string;
let stopSystem: () => Promise<void>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const seeded = await startSeededSystem();
  ({ system, today } = seeded);
  stopSystem = seeded.stop;
  // A Route-X report (the internal norm) of team A's coach, overdue, so it is on the unit's first page.
  await createReport(seeded.store, {
    ...report('r-x', 's-a', 'team-a', 'coach-a', addDays(today, -2), today),
    routeX: true,
    addressee: 'none',
    unauthorizedMinutes: 480,
    dueDate: addDays(today, -1),
  });
  // An archived school year of s-a (issue #12): its week totals and marker, as the archive run leaves them.
  await putArchiveSummary(seeded.store, ARCHIVED_WEEKS, {
    studentId: 's-a',
    schoolYear: '2023-24',
    objectKey: lessonArchiveObjectKey('s-a', '2023-24'),
    lessons: 14,
    tombstones: 0,
    weeks: ARCHIVED_WEEKS.length,
    archivedAt: '2024-10-01T01:00:00.000Z',
    expiresAt: Date.UTC(2031, 7, 31, 12) / 1000,
  });
  // Last night's run, so the KPI page has figures from the nightly job itself.
  await system.invoke('nightly', { date: addDays(today, -1) });
  ({ browser, close: closeBrowser } = await launchBrowser());
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await closeBrowser?.();
  await stopSystem?.();
});

/** A fresh tab (own session storage) signed in through the local sign-in page. */
async function signIn(
  staffId: string,
  name: string,
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  await prepare?.(context);
  const page = await context.newPage();
  await page.goto(system.baseUrl);
  await page.getByLabel('Zoek medewerker').fill(name);
  await page.locator(`button[data-staff="${staffId}"]`).click();
  await page.waitForURL(/#\/(coach|kpi|werklijst|beheer)/);
  await page.locator('nav').waitFor();
  return page;
}

async function realisedOf(page: Page, unitId: string): Promise<number> {
  await page.goto(`${system.baseUrl}/#/kpi`);
  await page.reload(); // the figures of now, not those the page loaded before

  const cell = page.locator(`tr[data-unit="${unitId}"] [data-testid="realised"]`);
  await cell.waitFor();
  return Number(await cell.textContent());
}

async function expectNoAxeViolations(page: Page, what: string) {
  const violations = await axe(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe('the dashboard in a browser', () => {
  it('lets a coach handle a report, and the KPI counts it after the nightly run', async () => {
    // The attendance officer sees the whole institution's KPI (the administrator sees no student data).
    const officer = await signIn('vb-1', 'Olaf');
    const before = await realisedOf(officer, 'team-a');

    const coach = await signIn('coach-a', 'Anna');
    await coach.locator('h1', { hasText: 'Open 16-uursmeldingen' }).waitFor();
    // The open reports are grouped by student: open Sam's group to see the reports.
    await coach.locator('li.group[data-student="s-a"] button[aria-expanded]').click();
    const row = coach.locator('tr[data-report="r-a-27"]');
    await row.waitFor();
    await expect(row.locator('.overdue').count()).resolves.toBe(1);
    await expect(coach.locator('th', { hasText: 'Uiterlijk behandelen' }).count()).resolves.toBe(1);
    await expect(row.getByTestId('due-date').textContent()).resolves.toMatch(/\d/);
    await row.locator('a').click();
    await coach.locator('h1', { hasText: '16-uursmelding Sam Aalders' }).waitFor();
    await expect(coach.getByTestId('report-due').textContent()).resolves.toMatch(/^Uiterlijk behandelen \S/);
    await expect(coach.locator('table').first().textContent()).resolves.toContain('Spijbelen');

    // Apply without an explanation: refused in the form, nothing sent.
    await coach.getByLabel('Melden: nee, presentiegegevens laten corrigeren (frontoffice)').check();
    await coach.getByRole('button', { name: 'Toepassen' }).click();
    await coach.getByText('Vul een toelichting in.').waitFor();

    await coach.getByLabel('Toelichting (verplicht)').fill('Rooster klopte niet; graag corrigeren.');
    await coach.getByRole('button', { name: 'Toepassen' }).click();
    // What happens next, per action (it replaced the bare "Actie toegepast.").
    await coach
      .getByRole('status')
      .filter({ hasText: 'Correctieverzoek klaargezet voor de frontoffice' })
      .waitFor();
    await expect(coach.getByTestId('report-status').textContent()).resolves.toBe('afgehandeld');

    await system.invoke('nightly', { date: today });
    expect(await realisedOf(officer, 'team-a')).toBe(before + 1);
  });

  it("says which night the KPI is from, labels a Route-X report, and names the coach in the unit's live list", async () => {
    // The run of this night (a replay if an earlier test ran it): the KPI is as of today.
    await system.invoke('nightly', { date: today });
    const officer = await signIn('vb-1', 'Olaf');
    await officer.goto(`${system.baseUrl}/#/kpi`);
    const asOf = officer.getByTestId('kpi-as-of');
    await asOf.waitFor();
    const [y, m, d] = today.split('-');
    const night = `${d}-${m}-${y}`;
    await expect(asOf.textContent()).resolves.toContain('nachtelijke berekening na');
    await expect(asOf.textContent()).resolves.toContain(night);

    await officer.goto(`${system.baseUrl}/#/kpi/team-a`);
    const row = officer.locator('tr[data-report="r-x"]');
    await row.waitFor();
    await expect(row.getByTestId('route-x').textContent()).resolves.toBe('Route-X');
    await expect(row.getByTestId('coach-name').textContent()).resolves.toBe('Anna Coach');
    await expect(officer.locator('tr[data-report="r-a-00"] [data-testid="route-x"]').count()).resolves.toBe(
      0,
    );
    await expect(officer.getByTestId('live-note').textContent()).resolves.toContain('28 schooldagen');

    await row.locator('a').click();
    await officer.locator('h1', { hasText: 'Route-X-melding Sam Aalders' }).waitFor();
  });

  it('offers an administrator the administration page and nothing with student data', async () => {
    const admin = await signIn('adm-1', 'Ada');
    expect(admin.url()).toContain('#/beheer');
    await admin.locator('#mails-title').waitFor();
    expect(await admin.locator('nav a').allTextContents()).toEqual(['Beheer']);
  });

  it("answers another coach's student like one that does not exist: no access, as to another role's page", async () => {
    const coach = await signIn('coach-a', 'Anna');
    for (const page of ['#/studenten/s-b', '#/studenten/s-nobody', '#/werklijst']) {
      await coach.goto(`${system.baseUrl}/#/coach`);
      await coach.getByTestId('forbidden').waitFor({ state: 'detached' });
      await coach.goto(`${system.baseUrl}/${page}`);
      await expect(coach.getByTestId('forbidden').textContent()).resolves.toBe('Geen toegang');
    }
    await expectNoAxeViolations(coach, 'no-access page');
  });

  it('switches between Dutch and English, including the lang attribute', async () => {
    const coach = await signIn('coach-a', 'Anna');
    await coach.locator('h1', { hasText: 'Open 16-uursmeldingen' }).waitFor();
    expect(await coach.locator('html').getAttribute('lang')).toBe('nl');
    await coach.getByTestId('lang').click();
    await coach.locator('h1', { hasText: 'Open 16-hour reports' }).waitFor();
    expect(await coach.locator('html').getAttribute('lang')).toBe('en');
    await coach.getByTestId('lang').click();
    await coach.locator('h1', { hasText: 'Open 16-uursmeldingen' }).waitFor();
    expect(await coach.locator('html').getAttribute('lang')).toBe('nl');
  });

  it('can be used by keyboard: the skip link moves focus to the content', async () => {
    const coach = await signIn('coach-a', 'Anna');
    // A page opened afresh, as a keyboard user arrives: after the sign-in form, Chromium's focus
    // navigation would start where the removed sign-in button was, inside the content.
    await coach.reload();
    await coach.locator('h1').first().waitFor();
    await coach.keyboard.press('Tab');
    expect(await coach.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Naar de inhoud');
    await coach.keyboard.press('Enter');
    expect(await coach.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('shows administrators, and only them, a banner when the school calendar ends within 8 weeks', async () => {
    // The API answers from the real clock; the calendar's end is made near by changing its answer.
    const endingSoon = async (context: BrowserContext) => {
      await context.route('**/api/admin', async (route) => {
        const response = await route.fetch();
        const page = await response.json();
        const calendar = { ...page.calendar, endsOn: '2028-07-23', weeksLeft: 7, endsSoon: true };
        await route.fulfill({ response, json: { ...page, calendar } });
      });
    };
    const admin = await signIn('adm-1', 'Ada', endingSoon);
    const banner = admin.getByTestId('calendar-banner');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain(
      'De schoolkalender loopt tot 23-07-2028, nog 7 weken.',
    );
    await expectNoAxeViolations(admin, 'calendar banner');
    await admin.getByTestId('lang').click();
    await expect(banner.textContent()).resolves.toContain(
      'The school calendar runs until 2028-07-23, 7 weeks from now.',
    );

    const coach = await signIn('coach-a', 'Anna', endingSoon);
    await coach.locator('h1', { hasText: 'Open 16-uursmeldingen' }).waitFor();
    await expect(coach.getByTestId('calendar-banner').count()).resolves.toBe(0);
  });

  it("shows an archived school year on the student's page: its weeks, totals and until when its lessons are kept", async () => {
    const page = await signIn('coach-a', 'Anna');
    await page.goto(`${system.baseUrl}/#/studenten/s-a`);
    const years = page.getByTestId('archived-years');
    await years.waitFor();
    await years.locator('h2', { hasText: 'Eerdere schooljaren' }).waitFor();
    await years.locator('h3', { hasText: 'Schooljaar 2023-24' }).waitFor();
    await years
      .getByText('De 14 lessen van dit schooljaar zijn gearchiveerd; ze worden bewaard tot 31-08-2031.')
      .waitFor();
    const hours = (minutes: number) => formatMinutes('nl', minutes);
    await years
      .getByText(
        `Totaal: ${hours(1680)} aanwezig, ${hours(180)} geoorloofd afwezig, ${hours(120)} ongeoorloofd afwezig`,
      )
      .waitFor();
    // Newest week first, as the current year's weeks.
    const rows = await years
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim())),
      );
    expect(rows).toEqual([
      ['11-09-2023', hours(780), hours(90), hours(120)],
      ['04-09-2023', hours(900), hours(90), hours(0)],
    ]);

    await page.getByTestId('lang').click();
    await years.locator('h2', { hasText: 'Earlier school years' }).waitFor();
    await years
      .getByText('The 14 lessons of this school year are archived; they are kept until 2031-08-31.')
      .waitFor();
  });

  it('has no axe-core (WCAG 2.1 AA) violation on any page', async () => {
    const anonymous = await browser.newContext();
    contexts.push(anonymous);
    const signInPage = await anonymous.newPage();
    await signInPage.goto(system.baseUrl);
    await signInPage.locator('button[data-staff]').first().waitFor();
    await expectNoAxeViolations(signInPage, 'sign-in');

    const pages: [string, string, string, string][] = [
      ['coach-a', 'Anna', '#/coach', 'h1'],
      ['coach-a', 'Anna', '#/meldingen/r-a-26', '#lessons-title'],
      ['coach-a', 'Anna', '#/studenten/s-a', '#weeks-title'],
      ['vb-1', 'Olaf', '#/kpi', 'tr[data-unit]'],
      ['vb-1', 'Olaf', '#/kpi/team-a', 'tr[data-report]'],
      ['vb-1', 'Olaf', '#/rapportages', 'h1'],
      ['adm-1', 'Ada', '#/beheer', '#mails-title'],
      ['vb-1', 'Olaf', '#/werklijst', 'tr[data-task]'],
      ['fo-1', 'Fenna', '#/werklijst', 'tr[data-task]'],
      // The manager's unit page with a reminder button per coach.
      ['om-tech', 'Mila', '#/kpi/team-a', '#coach-counts'],
      // A coach with an outflow case (a student who left).
      ['coach-b', 'Bram', '#/coach', '#outflow-title'],
      // The student page as the attendance officer sees it, with the luxury-absence form.
      ['vb-1', 'Olaf', '#/studenten/s-a', '#luxury-title'],
    ];
    for (const [staffId, name, hash, ready] of pages) {
      const page = await signIn(staffId, name);
      await page.goto(`${system.baseUrl}/${hash}`);
      await page.locator(ready).first().waitFor();
      await expectNoAxeViolations(page, `${staffId} ${hash}`);
      await page.getByTestId('lang').click();
      await expectNoAxeViolations(page, `${staffId} ${hash} (English)`);
    }
    // 24 page views with axe each: generous on a busy machine (a time-out, not a speed claim)
  }, 400_000);
});

describe('signing in through Cognito (as deployed)', () => {
  it('uses the hosted sign-in with PKCE, and the ID token it returns opens the dashboard', async () => {
    const domain = 'https://auth.presentie.example';
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    // config.json as the site stack deploys it; the API stays this local system.
    await page.route('**/config.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          apiUrl: `${system.baseUrl}/`,
          region: 'eu-west-1',
          authMode: 'cognito',
          cognito: { userPoolId: 'eu-west-1_test', clientId: 'dashboard-client', domain },
        }),
      }),
    );
    let authorize: URL | undefined;
    await page.route(`${domain}/oauth2/authorize**`, (route) => {
      authorize = new URL(route.request().url());
      const back = new URL(authorize.searchParams.get('redirect_uri') as string);
      back.searchParams.set('code', 'the-code');
      back.searchParams.set('state', authorize.searchParams.get('state') as string);
      return route.fulfill({ status: 302, headers: { location: back.toString() } });
    });
    let tokenRequest: URLSearchParams | undefined;
    const { token } = (await (
      await fetch(`${system.apiUrl}/auth/local/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ staffId: 'coach-a' }),
      })
    ).json()) as { token: string };
    await page.route(`${domain}/oauth2/token`, (route) => {
      tokenRequest = new URLSearchParams(route.request().postData() ?? '');
      return route.fulfill({
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: JSON.stringify({ id_token: token, access_token: 'x', token_type: 'Bearer' }),
      });
    });

    await page.goto(system.baseUrl);
    await page.getByRole('button', { name: 'Aanmelden met schoolaccount' }).click();
    await page.locator('h1', { hasText: 'Open 16-uursmeldingen' }).waitFor();
    expect(authorize?.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize?.searchParams.get('client_id')).toBe('dashboard-client');
    expect(tokenRequest?.get('grant_type')).toBe('authorization_code');
    expect(tokenRequest?.get('code')).toBe('the-code');
    expect(tokenRequest?.get('code_verifier')?.length).toBeGreaterThan(40);
    expect(page.url()).not.toContain('code=');
  });
});
