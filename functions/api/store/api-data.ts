import type { KpiPage } from '../../../shared/api/kpi';
import type { OverviewRow } from '../../../shared/api/overviews';
import type { StudentPage } from '../../../shared/api/student';
import type { Task as ApiTask } from '../../../shared/api/worklist';
import { calendarHorizon, defaultCalendar } from '../../../shared/calendar';
import calendarData from '../../../shared/calendar/data/regio-zuid.json';
import { NORM_PROFILES } from '../../../shared/policy/profiles';
import { isRole } from '../../auth/principal';
import type { OutflowCase } from '../../domain/case';
import { addDays, localDate, mondayOf } from '../../domain/dates';
import type { Report } from '../../domain/report';
import type { Task } from '../../domain/task';
import { appendAudit } from '../../store/audit-repository';
import { listCoachCases } from '../../store/cases-repository';
import type { Store } from '../../store/client';
import { listDaySummaries } from '../../store/day-summaries';
import { mapLimit } from '../../store/dynamo';
import { kpiHistory, latestKpiSnapshot } from '../../store/kpi-snapshots-repository';
import { listOrgUnits } from '../../store/org-units';
import { listPortalNotices } from '../../store/portal-notices';
import { getReport, listStudentReports, listTeamReports } from '../../store/reports-repository';
import { dateItemExpiry, studentItemExpiry } from '../../store/retention';
import { loadEvaluationInput } from '../../store/signal-state-repository';
import { getStaffByEmail, listStaff } from '../../store/staff';
import { batchGetStudents, getStudent, listStudentsByCoach, listStudentsByTeam } from '../../store/students';
import { getTask, listTasksForRole } from '../../store/tasks-repository';
import { DEFAULT_RETENTION_YEARS } from '../config';
import type { ApiData, OrgUnitRecord, StaffRecord, StudentRecord } from '../ports';
import { decodeCursor, encodeCursor, pageOf } from './cursor';
import { mailPreviews } from './mail-previews';
import { apiTask, outflowTask, reportDetail, reportSummary } from './mapping';
import type { ApiWrites } from './writes';

const TREND_WEEKS = 8;

function staffRecord(s: {
  staffId: string;
  name: string;
  email: string;
  roles: string[];
  orgUnitIds: string[];
}) {
  return { ...s, roles: s.roles.filter(isRole) } satisfies StaffRecord;
}

/** Only the API record's fields: a stored student carries more (e-mail, birth date) than the API returns. */
function studentRecord(s: StudentRecord): StudentRecord {
  const { studentId, displayName, teamId, coachId, level, pathway, routeX } = s;
  return { studentId, displayName, teamId, coachId, level, pathway, routeX };
}

const reportKey = (r: Report) => `${r.createdOn}#${r.reportId}`;

/** The API's view of the store: read models shaped per page, writes through the use cases. */
export function storeApiData(
  store: Store,
  writes: ApiWrites,
  /** RETENTION_YEARS, for the audit entries of reads. */
  retentionYears: number = DEFAULT_RETENTION_YEARS,
): ApiData {
  const teamIdsOf = async (): Promise<string[]> =>
    (await listOrgUnits(store)).filter((u) => u.kind === 'team').map((u) => u.orgUnitId);

  const studentRef = async (ids: string[]) => {
    const found = await batchGetStudents(store, [...new Set(ids)]);
    return (id: string): ApiTask['student'] => {
      const s = found.get(id);
      return s
        ? { studentId: s.studentId, displayName: s.displayName, teamId: s.teamId, coachId: s.coachId }
        : null;
    };
  };

  return {
    ...writes,

    async findStaffByEmail(email) {
      const s = await getStaffByEmail(store, email);
      return s ? staffRecord(s) : null;
    },
    async listStaff() {
      return (await listStaff(store)).map(staffRecord);
    },
    async listOrgUnits() {
      return (await listOrgUnits(store)).map(
        (u): OrgUnitRecord => ({ orgUnitId: u.orgUnitId, name: u.name, kind: u.kind, parentId: u.parentId }),
      );
    },
    async getStudent(studentId) {
      const s = await getStudent(store, studentId);
      return s ? studentRecord(s) : null;
    },
    async listStudentsOfCoach(coachId) {
      return (await listStudentsByCoach(store, coachId)).filter((s) => !s.leftOn).map(studentRecord);
    },

    async listOpenReports(filter, cursor, limit, now) {
      let teamIds = filter.teamIds;
      if (!teamIds && filter.coachId) {
        teamIds = [...new Set((await listStudentsByCoach(store, filter.coachId)).map((s) => s.teamId))];
      }
      teamIds ??= await teamIdsOf();
      const lists = await mapLimit(teamIds, 8, (teamId) => listTeamReports(store, teamId, 'open'));
      const reports = lists
        .flat()
        .filter((r) => !filter.coachId || r.coachId === filter.coachId)
        .sort((a, b) => reportKey(a).localeCompare(reportKey(b)));
      const today = localDate(now);
      const page = pageOf(reports, reportKey, cursor, limit);
      return { items: page.items.map((r) => reportSummary(r, today)), nextCursor: page.nextCursor };
    },

    async getReport(reportId, now) {
      const report = await getReport(store, reportId);
      if (!report) return null;
      const days = await listDaySummaries(store, report.studentId, report.from, report.to);
      return reportDetail(report, localDate(now), days);
    },

    async getTask(taskId) {
      const task = await getTask(store, taskId);
      if (!task) return null;
      return apiTask(task, (await studentRef([task.studentId]))(task.studentId));
    },

    async listTasks(kinds, cursor, limit) {
      const roles = kinds.some((k) => k !== 'correction')
        ? (['attendance_officer', 'front_office'] as const)
        : (['front_office'] as const);
      const lists = await Promise.all(
        roles.flatMap((role) =>
          (['open', 'in_progress'] as const).map((s) => listTasksForRole(store, role, s)),
        ),
      );
      const key = (t: Task | OutflowCase) =>
        'caseId' in t
          ? `${t.createdOn}#${t.caseId}`
          : `${t.dueDate ?? t.remindOn ?? t.createdOn}#${t.taskId}`;
      // Outflow cases live per coach; the worklist gathers the open ones of every coach.
      const cases = kinds.includes('outflow')
        ? (
            await mapLimit(
              (await listStaff(store)).filter((s) => s.roles.includes('coach')),
              8,
              (coach) => listCoachCases(store, coach.staffId, 'open'),
            )
          ).flat()
        : [];
      const items = [
        ...lists.flat().filter((t) => (kinds as readonly string[]).includes(t.kind)),
        ...cases,
      ].sort((a, b) => key(a).localeCompare(key(b)));
      const page = pageOf(items, key, cursor, limit);
      const ref = await studentRef(page.items.map((t) => t.studentId));
      return {
        items: page.items.map((t) =>
          'caseId' in t ? outflowTask(t, ref(t.studentId)) : apiTask(t, ref(t.studentId)),
        ),
        nextCursor: page.nextCursor,
      };
    },

    async kpi(now) {
      const today = localDate(now);
      const units = await listOrgUnits(store);
      const latest = await mapLimit(units, 8, (u) => latestKpiSnapshot(store, u.orgUnitId, today));
      const depthOf = (id: string | null, seen = 0): number => {
        const u = units.find((x) => x.orgUnitId === id);
        return u?.parentId && seen < 10 ? 1 + depthOf(u.parentId, seen + 1) : 0;
      };
      const asOf = latest.reduce<string | null>(
        (acc, s) => (s && (!acc || s.date > acc) ? s.date : acc),
        null,
      );
      const root = units.find((u) => u.parentId === null);
      const history = root
        ? await kpiHistory(store, root.orgUnitId, addDays(today, -7 * TREND_WEEKS), today)
        : [];
      // One point per week: the last snapshot of each week.
      const weekly = new Map<string, (typeof history)[number]>();
      for (const s of history) weekly.set(mondayOf(s.date), s);
      const page: KpiPage = {
        asOf,
        units: units.map((u, i) => {
          const s = latest[i];
          return {
            orgUnitId: u.orgUnitId,
            name: u.name,
            kind: u.kind,
            parentId: u.parentId,
            depth: depthOf(u.orgUnitId),
            norm: s?.norm ?? 0,
            realised: s?.realisation ?? 0,
            percentage: s?.percentage == null ? null : Math.round(s.percentage * 10) / 10,
            colour: s?.colour ?? 'none',
          };
        }),
        trend: [...weekly.values()].map((s) => ({
          date: s.date,
          percentage: s.percentage == null ? null : Math.round(s.percentage * 10) / 10,
        })),
      };
      return page;
    },

    async studentPage(student, now) {
      const today = localDate(now);
      const year =
        calendarData.years.find((y) => y.firstDay <= today && today <= y.lastDay) ??
        calendarData.years.filter((y) => y.firstDay <= today).at(-1);
      const from = year?.firstDay ?? addDays(today, -365);
      const [days, reports, evaluation] = await Promise.all([
        listDaySummaries(store, student.studentId, from, today),
        listStudentReports(store, student.studentId),
        loadEvaluationInput(store, student.studentId, today),
      ]);
      const weeks = new Map<string, StudentPage['weeks'][number]>();
      const totals = { presentMinutes: 0, authorizedMinutes: 0, unauthorizedMinutes: 0 };
      for (const d of days) {
        const s = d.summary;
        const present = Math.max(0, s.lessonMinutes - s.authorizedMinutes - s.unauthorizedMinutes);
        const week = mondayOf(d.date);
        const w = weeks.get(week) ?? {
          weekStart: week,
          presentMinutes: 0,
          authorizedMinutes: 0,
          unauthorizedMinutes: 0,
        };
        w.presentMinutes += present;
        w.authorizedMinutes += s.authorizedMinutes;
        w.unauthorizedMinutes += s.unauthorizedMinutes;
        weeks.set(week, w);
        totals.presentMinutes += present;
        totals.authorizedMinutes += s.authorizedMinutes;
        totals.unauthorizedMinutes += s.unauthorizedMinutes;
      }
      let window: StudentPage['window'] = { from: null, to: null, unauthorizedMinutes: 0 };
      try {
        const w = defaultCalendar.schoolWeeksEndingOn(today, 4);
        const counted = days.filter((d) => d.date >= w.from && d.date <= w.to);
        window = {
          from: w.from,
          to: w.to,
          unauthorizedMinutes: counted.reduce((n, d) => n + d.summary.unauthorizedMinutes, 0),
        };
      } catch {
        // outside the calendar's years: no window to show
      }
      const state = evaluation.signals.state;
      const marks: [string, string | null][] = [
        ['signal8', state.signal8Through],
        ['signal4w', state.fourWeekThrough],
        ['sick_repeated', state.sickRepeatedThrough],
        ['sick_long', state.sickLongThrough],
        ['frequent', state.frequentThrough],
      ];
      const signals = marks.flatMap(([kind, date]) => (date ? [{ kind, date, text: kind }] : []));
      return {
        student: student,
        weeks: [...weeks.values()].sort((a, b) => a.weekStart.localeCompare(b.weekStart)),
        totals,
        window,
        reports: reports.map((r) => reportSummary(r, today)).reverse(),
        signals,
      };
    },

    async overview(kind, filter, cursor, limit, now) {
      const teamIds = filter.teamIds === 'all' ? await teamIdsOf() : filter.teamIds;
      const students = (await mapLimit(teamIds, 8, (t) => listStudentsByTeam(store, t)))
        .flat()
        .sort((a, b) => a.studentId.localeCompare(b.studentId));
      const today = localDate(now);
      const from = filter.from ?? addDays(today, -28);
      const to = filter.to ?? today;
      const inPeriod = (d: string | null | undefined) => !!d && d >= from && d <= to;
      const after = decodeCursor(cursor);
      const rest = after === null ? students : students.filter((s) => s.studentId > after);
      const rows: OverviewRow[] = [];
      // Walk students in id order until a page of rows is full (bounded per request).
      let scanned = 0;
      let lastId: string | null = null;
      for (const batchStart of [0, 50, 100, 150]) {
        const batch = rest.slice(batchStart, batchStart + 50);
        if (batch.length === 0 || rows.length >= limit) break;
        const perStudent = await mapLimit(batch, 8, async (s): Promise<OverviewRow[]> => {
          const ref = {
            studentId: s.studentId,
            displayName: s.displayName,
            teamId: s.teamId,
            coachId: s.coachId,
          };
          if (kind === 'sixteen_hour') {
            return (await listStudentReports(store, s.studentId))
              .filter((r) => inPeriod(r.createdOn))
              .map((r) => ({
                student: ref,
                date: r.createdOn,
                detail: r.status,
                minutes: r.unauthorizedMinutes,
              }));
          }
          if (kind === 'presence') {
            const days = await listDaySummaries(store, s.studentId, from, to);
            if (days.length === 0) return [];
            const sum = (f: (d: (typeof days)[number]) => number) => days.reduce((n, d) => n + f(d), 0);
            const lesson = sum((d) => d.summary.lessonMinutes);
            const unauthorized = sum((d) => d.summary.unauthorizedMinutes);
            const authorized = sum((d) => d.summary.authorizedMinutes);
            const pct =
              lesson === 0 ? 0 : Math.round(((lesson - unauthorized - authorized) / lesson) * 1000) / 10;
            return [{ student: ref, date: to, detail: `${pct} %`, minutes: unauthorized }];
          }
          const state = (await loadEvaluationInput(store, s.studentId, today)).signals.state;
          const dates: [string, string | null][] =
            kind === 'eight_hour'
              ? [['signal8', state.signal8Through]]
              : kind === 'four_week'
                ? [['signal4w', state.fourWeekThrough]]
                : [
                    ['sick_repeated', state.sickRepeatedThrough],
                    ['sick_long', state.sickLongThrough],
                  ];
          return dates
            .filter(([, d]) => inPeriod(d))
            .map(([detail, d]) => ({ student: ref, date: d as string, detail, minutes: null }));
        });
        for (const [i, list] of perStudent.entries()) {
          rows.push(...list);
          scanned++;
          lastId = batch[i]?.studentId ?? lastId;
        }
      }
      const more = scanned < rest.length && lastId !== null;
      return { items: rows, nextCursor: more ? encodeCursor(lastId as string) : null };
    },

    async admin(now) {
      const notices = await listPortalNotices(store);
      const horizon = calendarHorizon(defaultCalendar, localDate(now));
      return {
        notices: notices.map((n) => ({ date: n.date, kind: n.kind, text: n.text })),
        calendar: {
          schoolYear: calendarData.years.map((y) => y.id).join(', '),
          holidays: calendarData.years.flatMap((y) => y.holidays),
          endsOn: horizon.endsOn,
          weeksLeft: horizon.weeksLeft,
          schoolWeeksLeft: horizon.schoolWeeksLeft,
          endsSoon: horizon.endsSoon,
          covered: horizon.covered,
        },
        normProfiles: Object.values(NORM_PROFILES).map((p) => ({
          id: p.id,
          description: `${p.name.nl}: ${p.reportMinutes / 60} uur in ${p.windowWeeks} lesweken, 8-uurssignaal bij ${p.signalMinutes / 60} uur${p.reportToDuo ? '' : ', niet naar DUO'}`,
        })),
        mails: mailPreviews(),
      };
    },

    async audit(entry) {
      // Reads of a student's data are filed under the student and expire with the student's data;
      // other reads (exports) are filed under the reader and kept RETENTION_YEARS after the read.
      const date = localDate(new Date(entry.at));
      const expiresAt = entry.studentId
        ? studentItemExpiry(await getStudent(store, entry.studentId), date, retentionYears)
        : dateItemExpiry(date, retentionYears);
      await appendAudit(
        store,
        {
          entity: 'student',
          entityId: entry.studentId ?? `staff:${entry.staffId}`,
          at: entry.at,
          by: entry.staffId,
          what: `${entry.action} ${entry.subject}`,
          before: null,
          after: null,
        },
        expiresAt,
        entry.studentId,
      );
    },
  };
}
