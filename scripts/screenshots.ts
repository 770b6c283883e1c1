/**
 * Screenshots of the dashboard's main pages with the demo school, for the README:
 * `npx tsx scripts/screenshots.ts` writes PNGs to docs/screenshots/.
 *
 * Uses its own data dir (`SCREENSHOTS_DATA_DIR`, default `.data/screenshots`) so it never
 * fights a running `npm start` over dynalite's files; the demo is loaded there once and reused
 * afterwards. `SCREENSHOTS_STUDENTS` (default 120) sizes the demo school: the full 600 take a
 * long time to load on a small machine, and the pages look the same. Builds web/dist when it
 * is out of date. `SCREENSHOTS_ONLY` (comma-separated file names) takes only those.
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

async function openGroup(page: import('playwright-core').Page) {
  const group = page.locator('li.group').first();
  if ((await group.count()) === 0) return;
  await group.locator('button[aria-expanded]').click();
  const boxes = group.locator('tr[data-report] input[type="checkbox"]');
  for (let i = 0; i < Math.min(2, await boxes.count()); i++) await boxes.nth(i).check();
}

/**
 * The administrator's import after a dry run: a small export of the demo's own students, with
 * the mistakes the page names (an unknown student, a time that is not one, a code nobody mapped).
 */
function dryRunOf(studentIds: readonly string[]) {
  return async (page: import('playwright-core').Page) => {
    const [a = 's-1', b = a] = studentIds;
    const csv = [
      'Studentnummer;Datum;Begintijd;Eindtijd;Absentiecode',
      `${a};23-11-2026;08:30;09:20;Z`,
      `${a};23-11-2026;09:20;10:10;A`,
      `${b};24-11-2026;10:30;11:20;TL`,
      `${b};24-11-2026;11:20;12:10;MA`,
      `s-onbekend;24-11-2026;08:30;09:20;A`,
      `${a};25-11-2026;25:00;09:20;A`,
      `${b};25-11-2026;08:30;09:20;XX`,
    ].join('\r\n');
    await page.locator('#import-file').setInputFiles({
      name: 'absenties-herfst.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${csv}`),
    });
    await page.getByTestId('import-preview').waitFor();
    await page.getByRole('button', { name: 'Proefimport starten' }).click();
    await page.getByTestId('import-refusals').waitFor();
  };
}

try {
  const { staff } = await api<{ staff: Staff[] }>('/auth/local/staff');
  const byRole = (role: string) => staff.filter((s) => s.roles.includes(role));
  // The coach with the most open reports makes the fullest start page.
  let coach = byRole('coach')[0] as Staff;
  let reports: { reportId: string; student: { studentId: string; teamId: string } }[] = [];
  for (const c of byRole('coach')) {
    const page = await api<{ reports: typeof reports }>('/coach', await tokenOf(c.staffId));
    if (page.reports.length > reports.length) [coach, reports] = [c, page.reports];
  }
  const officer = byRole('attendance_officer')[0] as Staff;
  const admin = byRole('admin')[0] as Staff;
  // The administrator reads no student data: the KPI and the overviews are a manager's.
  // The manager whose units have the most 16-hour reports of the period (a small demo leaves some
  // departments without any).
  let manager = (byRole('manager')[0] ?? officer) as Staff;
  let managerRows = 0;
  for (const m of byRole('manager')) {
    const page = await api<{ rows: unknown[] }>('/overviews/sixteen_hour', await tokenOf(m.staffId));
    if (page.rows.length > managerRows) [manager, managerRows] = [m, page.rows.length];
  }
  // The officer's task screens: the 4-week case with steps done, and a conversation or home visit.
  const officerToken = await tokenOf(officer.staffId);
  const worklist = await api<{
    items: { taskId: string; kind: string; student: { studentId: string } | null }[];
  }>('/worklist', officerToken);
  const stepsDone = async (taskId: string) =>
    (
      await api<{ steps: { state: string }[] }>(`/tasks/${encodeURIComponent(taskId)}`, officerToken)
    ).steps.some((s) => s.state === 'done');
  let task = worklist.items.find((i) => i.kind !== 'outflow' && i.kind !== 'signal8_list');
  for (const t of worklist.items.filter((i) => i.kind === 'signal4w')) {
    if (await stepsDone(t.taskId)) task = t;
  }
  const officerCase = worklist.items.find(
    (i) => i.kind === 'officer_conversation' || i.kind === 'home_visit',
  );
  // The officer's view of a student: the one of the 4-week case, with the luxury-absence form.
  const officerStudent = task?.student?.studentId ?? reports[0]?.student.studentId;
  // A coach with an outflow case (a student who left).
  let outflowCoach: Staff | undefined;
  for (const c of byRole('coach')) {
    const page = await api<{ cases: unknown[] }>('/coach/outflow-cases', await tokenOf(c.staffId));
    if (page.cases.length > 0) {
      outflowCoach = c;
      break;
    }
  }
  // The manager of the team with the most open reports, on the unit's open reports.
  const teamOf = new Map<string, number>();
  for (const r of reports) teamOf.set(r.student.teamId, (teamOf.get(r.student.teamId) ?? 0) + 1);
  const unitId = [...teamOf.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  let unitManager: Staff | undefined;
  for (const m of byRole('manager')) {
    if (!unitId) break;
    const res = await fetch(`${system.apiUrl}/units/${encodeURIComponent(unitId)}/open-reports`, {
      headers: { authorization: `Bearer ${await tokenOf(m.staffId)}` },
    });
    if (res.ok) {
      unitManager = m;
      break;
    }
  }

  const shots: {
    file: string;
    who: Staff | null;
    hash: string;
    ready: string;
    lang?: 'en';
    width?: number;
    /** What to do on the page before the picture (open a group, choose reports). */
    act?: (page: import('playwright-core').Page) => Promise<void>;
  }[] = [
    { file: 'sign-in.png', who: null, hash: '#/aanmelden', ready: 'button[data-staff]' },
    // The open reports grouped by student: the first group opened, two of its reports chosen for one action.
    {
      file: 'coach.png',
      who: coach,
      hash: '#/coach',
      ready: 'li.group, main p:not([aria-live])',
      act: openGroup,
    },
    {
      file: 'coach-en.png',
      who: coach,
      hash: '#/coach',
      ready: 'li.group, main p:not([aria-live])',
      lang: 'en',
    },
    // A phone, 390 px wide: the menu folded behind a button, "Mijn studenten" as cards.
    {
      file: 'coach-phone.png',
      who: coach,
      hash: '#/coach',
      ready: 'li.group, main p:not([aria-live])',
      width: 390,
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
    // The officer's KPI covers every department, Route-X reports (their own column) included.
    { file: 'kpi.png', who: officer, hash: '#/kpi', ready: 'tr[data-unit]' },
    {
      file: 'worklist.png',
      who: officer,
      hash: '#/werklijst',
      ready: 'tr[data-task]',
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
    ...(officerCase
      ? [
          {
            file: 'task-conversation.png',
            who: officer,
            hash: `#/taken/${encodeURIComponent(officerCase.taskId)}`,
            ready: '#history-title',
          },
        ]
      : []),
    ...(outflowCoach
      ? [{ file: 'coach-outflow.png', who: outflowCoach, hash: '#/coach', ready: '#outflow-title' }]
      : []),
    ...(officerStudent
      ? [
          {
            file: 'student-officer.png',
            who: officer,
            hash: `#/studenten/${officerStudent}`,
            ready: '#luxury-title',
          },
        ]
      : []),
    ...(unitId && unitManager
      ? [{ file: 'unit-reports.png', who: unitManager, hash: `#/kpi/${unitId}`, ready: '#coach-counts' }]
      : []),
    {
      file: 'overviews.png',
      who: manager,
      hash: '#/rapportages',
      ready: 'main table, main p:not([aria-live])',
    },
    { file: 'admin.png', who: admin, hash: '#/beheer', ready: '#mails-title' },
    {
      file: 'import.png',
      who: admin,
      hash: '#/beheer/import',
      ready: 'main h1',
      act: dryRunOf(reports.map((r) => r.student.studentId)),
    },
  ];
  // SCREENSHOTS_ONLY=report.png,coach.png: only these (a change to one page need not retake all).
  const only = process.env.SCREENSHOTS_ONLY?.split(',').filter(Boolean);
  for (const shot of shots.filter((s) => !only || only.includes(s.file))) {
    // A Dutch browser (date fields read dd-mm-jjjj), as the school's staff use it.
    const context = await browser.newContext({
      viewport: { width: shot.width ?? 1280, height: 900 },
      locale: shot.lang === 'en' ? 'en-GB' : 'nl-NL',
    });
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
    // Every part of the page has loaded (a page with several parts loads each on its own).
    await page.waitForFunction(
      () => !/Laden…|Loading…/.test(document.querySelector('main')?.textContent ?? ''),
    );
    await shot.act?.(page);
    await page.waitForTimeout(300); // charts draw after their module loads
    await page.screenshot({ path: join(out, shot.file), fullPage: true });
    console.log(`\n  docs/screenshots/${shot.file}`);
    await context.close();
  }
} finally {
  await close();
  await system.stop();
}
