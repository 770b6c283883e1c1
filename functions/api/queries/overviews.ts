import type { OverviewKind, OverviewRow } from '../../../shared/api/overviews';
import { presencePercentage } from '../../../shared/policy';
import { addDays, localDate } from '../../domain/dates';
import type { Store } from '../../store/client';
import { listDaySummaries } from '../../store/day-summaries';
import { mapLimit } from '../../store/dynamo';
import { listStudentReports } from '../../store/reports-repository';
import { loadEvaluationInput } from '../../store/signal-state-repository';
import { listStudentsByTeam, type StudentRecord as Student } from '../../store/students';
import type { OverviewFilter, Page } from '../ports';
import { decodeCursor, encodeCursor } from './cursor';
import { allTeamIds } from './refs';

/** The overviews ("rapportages"): one row per signal, report or presence figure of a student. */

/** Students read at once, in id order, until a page of rows is full. */
const BATCH = 50;

interface Period {
  from: string;
  to: string;
  today: string;
}

const inPeriod = (p: Period, d: string | null | undefined): d is string => !!d && d >= p.from && d <= p.to;

/** The signal dates an overview kind lists, by the name shown in its detail column. */
function signalMarks(
  kind: OverviewKind,
  state: Awaited<ReturnType<typeof loadEvaluationInput>>['signals']['state'],
) {
  const marks: [string, string | null][] =
    kind === 'eight_hour'
      ? [['signal8', state.signal8Through]]
      : kind === 'four_week'
        ? [['signal4w', state.fourWeekThrough]]
        : [
            ['sick_repeated', state.sickRepeatedThrough],
            ['sick_long', state.sickLongThrough],
          ];
  return marks;
}

async function rowsOf(store: Store, kind: OverviewKind, s: Student, p: Period): Promise<OverviewRow[]> {
  const student = {
    studentId: s.studentId,
    displayName: s.displayName,
    teamId: s.teamId,
    coachId: s.coachId,
  };
  if (kind === 'sixteen_hour') {
    return (await listStudentReports(store, s.studentId))
      .filter((r) => inPeriod(p, r.createdOn))
      .map((r) => ({
        student,
        date: r.createdOn,
        detail: r.status,
        minutes: r.unauthorizedMinutes,
        routeX: r.routeX === true,
      }));
  }
  if (kind === 'presence') {
    const days = await listDaySummaries(store, s.studentId, p.from, p.to);
    if (days.length === 0) return [];
    const unauthorized = days.reduce((n, d) => n + d.summary.unauthorizedMinutes, 0);
    return [
      {
        student,
        date: p.to,
        detail: `${presencePercentage(days)} %`,
        percentage: presencePercentage(days),
        minutes: unauthorized,
        routeX: s.routeX === true,
      },
    ];
  }
  const state = (await loadEvaluationInput(store, s.studentId, p.today)).signals.state;
  return signalMarks(kind, state).flatMap(([detail, d]) =>
    inPeriod(p, d) ? [{ student, date: d, detail, minutes: null, routeX: s.routeX === true }] : [],
  );
}

export async function overview(
  store: Store,
  kind: OverviewKind,
  filter: OverviewFilter,
  cursor: string | null,
  limit: number,
  now: Date,
): Promise<Page<OverviewRow>> {
  const teamIds = filter.teamIds === 'all' ? await allTeamIds(store) : filter.teamIds;
  const students = (await mapLimit(teamIds, 8, (t) => listStudentsByTeam(store, t)))
    .flat()
    .sort((a, b) => a.studentId.localeCompare(b.studentId));
  const today = localDate(now);
  const period: Period = { from: filter.from ?? addDays(today, -28), to: filter.to ?? today, today };
  const after = decodeCursor(cursor);
  const rest = after === null ? students : students.filter((s) => s.studentId > after);
  const rows: OverviewRow[] = [];
  // Filtered here, paged after: students are read until the page is full or none are left, so a
  // first page is empty only when nothing matches (an empty page with a cursor read as "no
  // results" while the CSV, which follows every cursor, had rows).
  let scanned = 0;
  let lastId: string | null = null;
  for (let b = 0; rows.length < limit; b++) {
    const batch = rest.slice(b * BATCH, (b + 1) * BATCH);
    if (batch.length === 0) break;
    const perStudent = await mapLimit(batch, 8, (s) => rowsOf(store, kind, s, period));
    for (const [i, list] of perStudent.entries()) {
      rows.push(...list);
      scanned++;
      lastId = batch[i]?.studentId ?? lastId;
    }
  }
  const more = scanned < rest.length && lastId !== null;
  return { items: rows, nextCursor: more ? encodeCursor(lastId as string) : null };
}
