/**
 * After the demo's nights: what the staff did with them, through the API as they would (local
 * sign-in tokens), so the officer's screens show cases at different steps: the 8-hour lists of
 * earlier nights done, a 4-week case past its check and invitation (with its letter), an
 * officer's conversation and a home visit planned, a coach's "Melden ja" whose student came back
 * or left since (the night, run again, proposes the end date) and one with only its deadline.
 * Each act first looks whether it is done, so a resumed run does nothing twice.
 */
import { addDays } from '../../shared/calendar/dates';

export interface DemoActsOptions {
  apiUrl: string;
  /** The night of the demo's last school day, run again after "Melden ja" (a replay). */
  rerunLastNight: () => Promise<void>;
  /** The day the demo is looked at: planned dates lie a few days after it. */
  today: string;
}

interface WorkItem {
  taskId: string;
  kind: string;
  status: string;
  student: { studentId: string } | null;
}
interface TaskDetail {
  owner: { staffId: string } | null;
  steps: { key: string; state: string }[];
}
interface CoachPage {
  reports: {
    reportId: string;
    status: string;
    routeX: boolean;
    duoDeadline?: string | null;
    student: { studentId: string };
  }[];
}
type Report = CoachPage['reports'][number] & { coachId: string };

export async function actOnDemo(options: DemoActsOptions): Promise<void> {
  const call = async <T>(path: string, token?: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${options.apiUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`demo: ${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };
  const tokens = new Map<string, string>();
  const tokenOf = async (staffId: string) => {
    const known = tokens.get(staffId);
    if (known) return known;
    const { token } = await call<{ token: string }>('/auth/local/token', undefined, { staffId });
    tokens.set(staffId, token);
    return token;
  };
  const officer = await tokenOf('vb-1');
  const worklist = async (kind: string) =>
    (await call<{ items: WorkItem[] }>(`/worklist?kind=${kind}`, officer)).items
      .filter((i) => i.status !== 'done')
      .sort((a, b) => (a.taskId < b.taskId ? -1 : 1));
  /** Completes the task's current step when it is `key` (so a repeated run does nothing). */
  const step = async (
    taskId: string,
    key: string,
    body: { outcome: string; date?: string; note?: string },
  ) => {
    const path = `/tasks/${encodeURIComponent(taskId)}`;
    const detail = await call<TaskDetail>(path, officer);
    if (detail.steps.find((s) => s.state === 'current')?.key !== key) return;
    // The officer takes the case on first ("ik pak dit op"), as on the task page.
    if (!detail.owner) await call(`${path}/owner`, officer, { ownerId: 'vb-1' });
    await call(`${path}/steps`, officer, { step: key, ...body });
  };
  const openReports = async (coachId: string) =>
    (await call<CoachPage>('/coach', await tokenOf(coachId))).reports
      .filter((r) => r.status === 'open' && !r.routeX)
      .sort((a, b) => (a.reportId < b.reportId ? -1 : 1));
  const act = async (coachId: string, reportId: string, action: string, explanation: string) =>
    call(`/reports/${encodeURIComponent(reportId)}/action`, await tokenOf(coachId), { action, explanation });

  // The officer went through each night's 8-hour list but the last one.
  for (const list of (await worklist('signal8_list')).slice(0, -1)) {
    await call(`/tasks/${encodeURIComponent(list.taskId)}/status`, officer, {
      status: 'done',
      note: 'Coaches gevraagd een gesprek te voeren.',
    });
  }
  // The 4-week case of a student still enrolled: the coach confirmed, the invitation went out.
  const leavers = new Set((await worklist('outflow')).map((t) => t.student?.studentId));
  const fourWeeks = await worklist('signal4w');
  const fourWeek = fourWeeks.find((t) => !leavers.has(t.student?.studentId)) ?? fourWeeks[0];
  if (fourWeek) {
    await step(fourWeek.taskId, 'check', { outcome: 'confirmed', note: 'Coach bevestigt: niet op school.' });
    await step(fourWeek.taskId, 'invitation', { outcome: 'sent', date: addDays(options.today, 3) });
  }
  const longAbsent = new Set(fourWeeks.map((t) => t.student?.studentId));

  // The coaches' choices on their open reports: students who still come to school first (their
  // DUO report gets an end date: the first day back), each act on another student where there are.
  const { staff } = await call<{ staff: { staffId: string; roles: string[] }[] }>('/auth/local/staff');
  const reports: Report[] = [];
  for (const c of staff
    .filter((s) => s.roles.includes('coach'))
    .map((s) => s.staffId)
    .sort()) {
    for (const r of await openReports(c)) reports.push({ ...r, coachId: c });
  }
  const order = (r: Report) => `${Number(longAbsent.has(r.student.studentId))} ${r.reportId}`;
  reports.sort((a, b) => (order(a) < order(b) ? -1 : 1));
  const used = new Set<string>();
  const choose = (ok: (r: Report) => boolean) => {
    const r = reports.find((x) => ok(x) && !used.has(x.student.studentId)) ?? reports.find(ok);
    if (r) {
      used.add(r.student.studentId);
      reports.splice(reports.indexOf(r), 1);
    }
    return r;
  };
  const has = async (kind: string, studentId: string) =>
    (await worklist(kind)).some((t) => t.student?.studentId === studentId);
  const mayGoToDuo = (r: Report) => Boolean(r.duoDeadline);

  // "Melden ja" on the oldest report of a student who came back: the night proposes the end date.
  const back = choose(mayGoToDuo);
  if (back && !(await has('duo_report', back.student.studentId))) {
    await act(back.coachId, back.reportId, 'duo', 'Structureel verzuim na gesprekken; melden bij DUO.');
    await options.rerunLastNight();
  }
  // "Gesprek door verzuimbegeleider", planned by the officer.
  const talk = choose(() => true);
  if (talk && !(await has('officer_conversation', talk.student.studentId))) {
    await act(
      talk.coachId,
      talk.reportId,
      'officer_conversation',
      'Graag een gesprek door de verzuimbegeleider.',
    );
  }
  // Every other one planned: the rest still wait for the officer's first step.
  for (const [i, task] of (await worklist('officer_conversation')).entries()) {
    if (i % 2 === 0) await step(task.taskId, 'plan', { outcome: 'planned', date: addDays(options.today, 2) });
  }
  // A home visit: the coach cannot reach the student.
  const away = choose(() => true);
  if (away && (await worklist('home_visit')).length === 0) {
    await call(
      `/students/${encodeURIComponent(away.student.studentId)}/referrals`,
      await tokenOf(away.coachId),
      {
        category: 'home_visit',
        explanation: 'Student en ouders niet bereikbaar per telefoon of mail.',
      },
    );
  }
  for (const task of await worklist('home_visit')) {
    await step(task.taskId, 'plan', { outcome: 'planned', date: addDays(options.today, 4) });
  }
  // "Melden ja" on a recent report: a DUO task with its legal deadline, no end date yet.
  const recent = choose(mayGoToDuo);
  if (recent && (await worklist('duo_report')).length < 2) {
    await act(recent.coachId, recent.reportId, 'duo', '16 uur ongeoorloofd verzuim; melden bij DUO.');
  }
}
