/**
 * Screenshots of the dashboard's main pages with the demo school, for the README:
 * `npx tsx scripts/screenshots.ts` writes PNGs to docs/screenshots/.
 *
 * Uses its own data dir (`SCREENSHOTS_DATA_DIR`, default `.data/screenshots`) so it never
 * fights a running `npm start` over dynalite's files; the demo is loaded there once and reused
 * afterwards. `SCREENSHOTS_STUDENTS` (default 120) sizes the demo school: the full 600 take a
 * long time to load on a small machine, and the pages look the same. Builds web/dist when it
 * is out of date.
 */

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../test/browser/browser';
import buildWeb from '../test/browser/global-setup';
import { startLocalSystem } from './local/system';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs', 'screenshots');
const dataDir = process.env.SCREENSHOTS_DATA_DIR ?? join(root, '.data', 'screenshots');
const students = Number(process.env.SCREENSHOTS_STUDENTS ?? 120);

interface Staff {
  staffId: string;
  name: string;
  roles: string[];
}

process.argv.splice(2); // global-setup reads argv to decide; here it must always check
buildWeb();
mkdirSync(out, { recursive: true });
console.log(`Starting the local system with a demo school of ${students} students in ${dataDir}…`);
// The demo is loaded once per data dir (and resumed if a load was interrupted).
const system = await startLocalSystem({
  port: 0,
  dataDir,
  demo: true,
  demoStudents: students,
  log: (line) => console.log(line),
  progress: (phase, done, total) => process.stdout.write(`\r  ${phase}: ${done}/${total}   `),
});
const { browser, close } = await launchBrowser();

async function api<T>(path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(`${system.apiUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
const tokenOf = async (staffId: string) =>
  (await api<{ token: string }>('/auth/local/token', undefined, { staffId })).token;

try {
  const { staff } = await api<{ staff: Staff[] }>('/auth/local/staff');
  const byRole = (role: string) => staff.filter((s) => s.roles.includes(role));
  // The coach with the most open reports makes the fullest start page.
  let coach = byRole('coach')[0] as Staff;
  let reports: { reportId: string; student: { studentId: string } }[] = [];
  for (const c of byRole('coach')) {
    const page = await api<{ reports: typeof reports }>('/coach', await tokenOf(c.staffId));
    if (page.reports.length > reports.length) [coach, reports] = [c, page.reports];
  }
  const officer = byRole('attendance_officer')[0] as Staff;
  const admin = byRole('admin')[0] as Staff;
  // The administrator reads no student data: the KPI and the overviews are a manager's.
  const manager = (byRole('manager')[0] ?? officer) as Staff;
  // The officer's task screen: a case with steps when there is one, else the first task.
  const worklist = await api<{ items: { taskId: string; kind: string }[] }>(
    '/worklist',
    await tokenOf(officer.staffId),
  );
  const withSteps = [];
  for (const t of worklist.items.filter((i) => i.kind !== 'outflow').slice(0, 20)) {
    const detail = await api<{ steps: unknown[] }>(
      `/tasks/${encodeURIComponent(t.taskId)}`,
      await tokenOf(officer.staffId),
    );
    if (detail.steps.length > 0) withSteps.push(t);
  }
  const task = withSteps[0] ?? worklist.items.find((i) => i.kind !== 'outflow');

  const shots: { file: string; who: Staff | null; hash: string; ready: string; lang?: 'en' }[] = [
    { file: 'sign-in.png', who: null, hash: '#/aanmelden', ready: 'button[data-staff]' },
    { file: 'coach.png', who: coach, hash: '#/coach', ready: 'tr[data-report], main p:not([aria-live])' },
    {
      file: 'coach-en.png',
      who: coach,
      hash: '#/coach',
      ready: 'tr[data-report], main p:not([aria-live])',
      lang: 'en',
    },
    ...(reports[0]
      ? [
          {
            file: 'report.png',
            who: coach,
            hash: `#/meldingen/${reports[0].reportId}`,
            ready: '#lessons-title',
          },
          {
            file: 'student.png',
            who: coach,
            hash: `#/studenten/${reports[0].student.studentId}`,
            ready: '#weeks-title',
          },
        ]
      : []),
    { file: 'kpi.png', who: manager, hash: '#/kpi', ready: 'tr[data-unit]' },
    {
      file: 'worklist.png',
      who: officer,
      hash: '#/werklijst',
      ready: 'tr[data-task], main p:not([aria-live])',
    },
    ...(task
      ? [
          {
            file: 'task.png',
            who: officer,
            hash: `#/taken/${encodeURIComponent(task.taskId)}`,
            ready: '#history-title',
          },
        ]
      : []),
    {
      file: 'overviews.png',
      who: manager,
      hash: '#/rapportages',
      ready: 'main table, main p:not([aria-live])',
    },
    { file: 'admin.png', who: admin, hash: '#/beheer', ready: '#mails-title' },
  ];
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(system.baseUrl);
    if (shot.lang === 'en') await page.getByTestId('lang').click();
    if (shot.who) {
      await page.locator(`button[data-staff="${shot.who.staffId}"]`).click();
      await page.locator('nav').waitFor();
      await page.waitForURL(/#\/(coach|kpi|werklijst|beheer)/);
    }
    await page.goto(`${system.baseUrl}/${shot.hash}`);
    await page.locator(shot.ready).first().waitFor();
    await page.waitForTimeout(300); // charts draw after their module loads
    await page.screenshot({ path: join(out, shot.file), fullPage: true });
    console.log(`\n  docs/screenshots/${shot.file}`);
    await context.close();
  }
} finally {
  await close();
  await system.stop();
}
