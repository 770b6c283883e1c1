/**
 * The coach's day from a mail's link: open a report's link while signed out, sign in, land on
 * that report; see what the law makes of it and an action that cannot apply with its reason;
 * act, read what happens next, go on to the next open report; "Actie afgerond" with an outcome
 * in a history by name; failures in Dutch; one sign-in for every tab. axe-core clean.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReport } from '../../functions/store/reports-repository';
import type { LocalSystem } from '../../scripts/local/system';
import { dashboardLink, dashboardPath } from '../../shared/links';
import { addDays, report } from '../integration/api/fixture';
import { axe, launchBrowser } from './browser';
import { startSeededSystem } from './system';

let system: LocalSystem;
let stopSystem: () => Promise<void>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const seeded = await startSeededSystem();
  ({ system } = seeded);
  stopSystem = seeded.stop;
  // A Route-X report of coach A's student: the internal norm, never to DUO.
  await createReport(seeded.store, {
    ...report('r-x', 's-a', 'team-a', 'coach-a', addDays(seeded.today, -2), seeded.today),
    routeX: true,
    addressee: 'none',
    unauthorizedMinutes: 480,
  });
  ({ browser, close: closeBrowser } = await launchBrowser());
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await closeBrowser?.();
  await stopSystem?.();
});

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext();
  contexts.push(context);
  return context;
}

async function signInHere(page: Page, staffId: string, name: string) {
  await page.getByLabel('Zoek medewerker').fill(name);
  await page.locator(`button[data-staff="${staffId}"]`).click();
}

async function expectNoAxeViolations(page: Page, what: string) {
  const violations = await axe(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe("a mail's link to a report, in a browser", () => {
  it('lands on that report after sign-in, shows the law and what cannot apply, and goes on to the next report', async () => {
    const page = await (await newContext()).newPage();
    // The link exactly as a mail builds it (shared/links.ts).
    await page.goto(dashboardLink(system.baseUrl, dashboardPath.report('r-x')));
    await signInHere(page, 'coach-a', 'Anna');
    await page.locator('h1', { hasText: 'Route-X-melding Sam Aalders' }).waitFor();
    expect(page.url()).toContain('#/meldingen/r-x');

    const legal = page.getByTestId('legal');
    await expect(legal.getAttribute('data-outcome')).resolves.toBe('route_x');
    await expect(legal.textContent()).resolves.toContain('nooit naar DUO');
    const duo = page.getByLabel('Melden: ja, bij DUO (via de verzuimbegeleider)');
    await expect(duo.isDisabled()).resolves.toBe(true);
    await expect(page.locator('[data-action="duo"] [data-testid="reason"]').textContent()).resolves.toBe(
      'Een Route-X-melding gaat nooit naar DUO: het is de interne norm van de school.',
    );
    await expectNoAxeViolations(page, 'report with an action that cannot apply');

    await page.getByLabel('Melden: nee, vraag aan de verzuimbegeleider').check();
    await page.getByLabel('Toelichting (verplicht)').fill('Klopt de registratie van maandag?');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    const next = page.getByTestId('next-step');
    await next.waitFor();
    await expect(next.textContent()).resolves.toContain(
      'Vraag klaargezet voor de verzuimbegeleider, die contact met je opneemt.',
    );
    await expect(page.getByTestId('history-by').first().textContent()).resolves.toBe('Anna Coach');
    await expectNoAxeViolations(page, 'report after an action');

    // The next open report: the one due first (r-a-27 is overdue).
    await page.getByRole('link', { name: 'Volgende open melding' }).click();
    await page.waitForURL(/#\/meldingen\/r-a-27$/);
    await page.locator('h1', { hasText: '16-uursmelding Sam Aalders' }).waitFor();
    await expect(page.getByTestId('legal').textContent()).resolves.toContain('leerplichtambtenaar (LPA)');
    await expect(
      page.getByLabel('Melden: ja, bij DUO (via de verzuimbegeleider)').isDisabled(),
    ).resolves.toBe(false);
  });

  it('"Actie afgerond" asks the outcome and the history shows one conversation, by name', async () => {
    const page = await (await newContext()).newPage();
    await page.goto(dashboardLink(system.baseUrl, dashboardPath.report('r-a-20')));
    await signInHere(page, 'coach-a', 'Anna');
    await page.locator('h1', { hasText: '16-uursmelding Sam Aalders' }).waitFor();
    await page.getByLabel('Melden: nee, gesprek met de student door de coach').check();
    await page.getByLabel('Toelichting (verplicht)').fill('Gesprek op donderdag.');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await expect(page.getByTestId('next-step').textContent()).resolves.toContain('Actie afgerond');

    await page.getByRole('button', { name: 'Actie afgerond' }).click();
    await page.getByText('Vul de uitkomst van het gesprek in.').waitFor();
    await page
      .getByLabel('Uitkomst van het gesprek (verplicht)')
      .fill('Komt weer op tijd; ouders ingelicht.');
    await page.getByRole('button', { name: 'Actie afgerond' }).click();
    await page.getByText('Actie afgerond en de uitkomst vastgelegd; de melding is afgehandeld.').waitFor();
    const entries = await page.getByTestId('history').locator('li').allTextContents();
    expect(entries).toHaveLength(2);
    expect(entries.filter((e) => e.includes('gesprek met de student door de coach'))).toHaveLength(1);
    expect(entries[1]).toContain('Anna Coach');
    expect(entries[1]).toContain('Actie afgerond');
    expect(entries[1]).toContain('Komt weer op tijd; ouders ingelicht.');
    expect(entries[1]).toContain('in gesprek → afgehandeld');
    expect(entries.join(' ')).not.toContain('coach-a');
  });

  it('shows a network failure and a server error in Dutch, never "Failed to fetch" or "Internal Server Error"', async () => {
    const page = await (await newContext()).newPage();
    await page.goto(dashboardLink(system.baseUrl, dashboardPath.report('r-a-21')));
    await signInHere(page, 'coach-a', 'Anna');
    await page.locator('h1', { hasText: '16-uursmelding Sam Aalders' }).waitFor();
    await page.getByLabel('Melden: nee, vraag aan de verzuimbegeleider').check();
    await page.getByLabel('Toelichting (verplicht)').fill('Vraag.');

    await page.route('**/api/reports/r-a-21/action', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'Toepassen' }).click();
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: 'Geen verbinding met de server' }).waitFor();
    await expect(alert.textContent()).resolves.not.toContain('Failed to fetch');

    await page.unroute('**/api/reports/r-a-21/action');
    await page.route('**/api/reports/r-a-21/action', (route) =>
      route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }),
    );
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await alert.filter({ hasText: 'Er ging iets mis op de server' }).waitFor();
    await expect(alert.textContent()).resolves.not.toContain('Internal Server Error');
  });

  it('keeps one sign-in for every tab, and a sign-out in one tab signs out the others', async () => {
    const context = await newContext();
    const first = await context.newPage();
    await first.goto(system.baseUrl);
    await signInHere(first, 'coach-a', 'Anna');
    await first.locator('nav').waitFor();

    const second = await context.newPage();
    await second.goto(dashboardLink(system.baseUrl, dashboardPath.report('r-a-22')));
    await second.locator('h1', { hasText: '16-uursmelding Sam Aalders' }).waitFor();

    await first.getByRole('button', { name: 'Afmelden' }).click();
    await second.getByLabel('Zoek medewerker').waitFor();
    // Signing in again there lands on the report it showed.
    await signInHere(second, 'coach-a', 'Anna');
    await second.locator('h1', { hasText: '16-uursmelding Sam Aalders' }).waitFor();
    expect(second.url()).toContain('#/meldingen/r-a-22');
  });

  it("opens the mail's report after Cognito's hosted sign-in too (the link kept through the redirect)", async () => {
    const domain = 'https://auth.presentie.example';
    const page = await (await newContext()).newPage();
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
    // Cognito sends the browser back to the redirect URI (no hash), as the real one does.
    await page.route(`${domain}/oauth2/authorize**`, (route) => {
      const authorize = new URL(route.request().url());
      const back = new URL(authorize.searchParams.get('redirect_uri') as string);
      back.hash = '';
      back.searchParams.set('code', 'the-code');
      back.searchParams.set('state', authorize.searchParams.get('state') as string);
      return route.fulfill({ status: 302, headers: { location: back.toString() } });
    });
    const { token } = (await (
      await fetch(`${system.apiUrl}/auth/local/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ staffId: 'coach-a' }),
      })
    ).json()) as { token: string };
    await page.route(`${domain}/oauth2/token`, (route) =>
      route.fulfill({
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: JSON.stringify({ id_token: token, access_token: 'x', token_type: 'Bearer' }),
      }),
    );

    await page.goto(dashboardLink(system.baseUrl, dashboardPath.report('r-a-23')));
    await page.getByRole('button', { name: 'Aanmelden met schoolaccount' }).click();
    await page.locator('h1', { hasText: '16-uursmelding Sam Aalders' }).waitFor();
    expect(page.url()).toContain('#/meldingen/r-a-23');
    expect(page.url()).not.toContain('code=');
    await page.getByTestId('legal').waitFor();
  });
});
