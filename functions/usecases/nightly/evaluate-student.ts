import { dashboardPath } from '../../../shared/links';
import {
  type DaySummary,
  evaluateStudent,
  NORM_PROFILES,
  profileFor,
  reportStillStands,
  type StudentFacts,
} from '../../../shared/policy';
import { enrolledDays, enrolledSignals } from '../../../shared/policy/enrolment';
import { lookbackStart, nightDays } from '../../domain/kept-days';
import { isOpen, withdraw } from '../../domain/lifecycle';
import type { Report } from '../../domain/report';
import type { DirtyMark } from '../../store/change-log';
import { type NightMarkers, NO_MARKERS } from '../../store/night-markers';
import { domainEventId } from '../../store/record-ids';
import { getReport, saveReport } from '../../store/reports-repository';
import { studentItemExpiry } from '../../store/retention';
import {
  loadDaysFrom,
  loadDaysIn,
  loadStudentAndSignals,
  type StudentAndSignals,
  saveSignalState,
  type WatchedReport,
} from '../../store/signal-state-repository';
import type { StudentRecord } from '../../store/students';
import { nightlyChange } from '../effects/audit';
import { commitWith } from '../effects/commit';
import { recordLuxuryHints } from './luxury-hints';
import type { MailDraft, Superseding } from './mail-batch';
import { type Directory, link, type NightlyDeps } from './ports';
import { applySignal } from './signal-effects';

export interface StudentOutcome {
  signals: number;
  withdrawn: number;
  /** Mails the student's signals and withdrawals ask for, sent combined by the run. */
  drafts: MailDraft[];
  /** This run's 16-hour reports: they supersede its 8-hour signals over the same period. */
  reports: Superseding[];
  /**
   * Stores the new signal state. Called by the run only after the mails are recorded: until
   * then a retry finds the same signals again and records the same (deterministic) mails.
   */
  save: () => Promise<void>;
}

function facts(student: StudentRecord): StudentFacts {
  return {
    studentId: student.studentId,
    birthDate: student.birthDate,
    teamId: student.teamId,
    coachId: student.coachId,
    level: student.level,
    pathway: student.pathway,
    routeX: student.routeX,
    startQualification: student.startQualification,
    enrolledFrom: student.enrolledFrom,
    enrolledUntil: student.enrolledUntil ?? null,
  };
}

/**
 * A window stays open while the current school week is not over and the student missed lessons
 * in it: the 4-week rule judges a week only once it is over, which may need no new data.
 */
function windowOpen(deps: NightlyDeps, days: readonly DaySummary[], asOf: string): boolean {
  const monday = deps.calendar.schoolWeekOf(asOf);
  if (!monday || isLastSchoolDay(deps, asOf)) return false;
  return days.some((d) => d.date >= monday && d.date <= asOf && d.unauthorizedAbsentLessons > 0);
}

function isLastSchoolDay(deps: NightlyDeps, asOf: string): boolean {
  const monday = deps.calendar.schoolWeekOf(asOf);
  if (!monday) return true;
  for (let i = 1; i < 7; i++) {
    const next = new Date(`${asOf}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + i);
    const iso = next.toISOString().slice(0, 10);
    if (deps.calendar.schoolWeekOf(iso) !== monday) return true;
    if (deps.calendar.isSchoolDay(iso)) return false;
  }
  return true;
}

/**
 * Evaluates one student as of a date: profile and signal state (batched by the run, or one
 * query), then only the registrations of the changed days, merged into the days kept on the state.
 */
export async function evaluateOne(
  deps: NightlyDeps,
  directory: Directory,
  studentId: string,
  asOf: string,
  dirty: readonly DirtyMark[],
  known?: StudentAndSignals,
  /** The night markers the plan found for the student (none: a plan made before them had none to find). */
  listed: NightMarkers = NO_MARKERS,
): Promise<StudentOutcome & { found: boolean }> {
  const outcome: StudentOutcome & { found: boolean } = {
    signals: 0,
    withdrawn: 0,
    drafts: [],
    reports: [],
    save: async () => {},
    found: false,
  };
  const changed = [...new Set(dirty.map((m) => m.date))].sort();
  const start = lookbackStart(deps.calendar, deps.profiles ?? NORM_PROFILES, asOf);
  // The first day to read: the lookback, or an older day that was corrected since the last run.
  const from = [start, ...changed].sort()[0] as string;
  const input = known ?? (await loadStudentAndSignals(deps.store, studentId));
  const student = input.student;
  if (!student) return outcome;
  outcome.found = true;
  const read = await nightDays(
    input.signals.kept,
    { asOf, start, changed },
    {
      from: (date) => loadDaysFrom(deps.store, studentId, date),
      within: (ranges) => loadDaysIn(deps.store, studentId, ranges),
    },
  );
  // A student who has left: the days after the last enrolled day stay stored (and kept) but are
  // not evaluated, so nothing (signal, report, mail) can come from them.
  const days = enrolledDays(read.days, student);
  await recordLuxuryHints(
    deps,
    student,
    days,
    dirty.map((m) => m.date),
  );

  const profile = profileFor(student, deps.profiles);
  const evaluated = evaluateStudent({
    student: facts(student),
    days,
    state: input.signals.state,
    asOf,
    calendar: deps.calendar,
    profile,
    // The days read start here: an absence on this first day may continue one from before.
    daysFrom: from,
  });
  const { state, recheckOn } = evaluated;
  const signals = enrolledSignals(evaluated.signals, student);

  const watched: WatchedReport[] = [];
  // Reports raised earlier: withdraw those whose basis disappeared before the coach handled them.
  for (const w of input.signals.watchedReports) {
    if (w.from < from) continue; // out of sight of the days read: no longer checked
    if (
      reportStillStands({ period: { from: w.from, to: w.to }, totalMinutes: w.totalMinutes }, days, profile)
    ) {
      watched.push(w);
      continue;
    }
    await withdrawWatched(deps, directory, { studentId, student }, w.reportId, asOf, outcome);
  }

  for (const signal of signals) {
    const effect = await applySignal(deps, directory, student, signal, asOf, days);
    outcome.signals++;
    outcome.drafts.push(...effect.drafts);
    if (signal.kind === 'report16') outcome.reports.push({ studentId, period: signal.period });
    if (effect.watched && !watched.some((w) => w.reportId === effect.watched?.reportId))
      watched.push(effect.watched);
  }

  const open = windowOpen(deps, days, asOf);
  // Always written: it also moves the student in or out of the open-window and recheck markers.
  const previous = {
    ...(input.signals.markers ? { stored: input.signals.markers } : {}),
    listed,
  };
  outcome.save = () =>
    saveSignalState(
      deps.store,
      studentId,
      { state, watchedReports: watched, evaluatedOn: asOf, recheckOn, kept: read.kept },
      open,
      studentItemExpiry(student, asOf, deps.config.retentionYears),
      previous,
    );
  return outcome;
}

/**
 * A watched report whose basis disappeared: withdrawn if the coach has not handled it yet, and the
 * coach told. It is no longer watched either way.
 */
async function withdrawWatched(
  deps: NightlyDeps,
  directory: Directory,
  about: { studentId: string; student: StudentRecord },
  reportId: string,
  asOf: string,
  outcome: StudentOutcome,
): Promise<void> {
  const report = await getReport(deps.store, reportId);
  if (!report) return;
  // Withdrawn by this same date before a crash: the state was not saved, so its mail was not
  // recorded yet either; draft it again (same run, same mail id).
  const retried = report.status === 'withdrawn' && report.withdrawnOn === asOf;
  if (!retried && !isOpen(report)) return; // handled (or gone): nothing to withdraw, stop watching
  if (!retried) await withdrawReport(deps, about, report, asOf, outcome);
  const mail = withdrawnMail(deps, directory, report, about.studentId);
  if (mail) outcome.drafts.push(mail);
}

/** Withdraws an open report whose basis disappeared: saved, audited, and its event raised. */
async function withdrawReport(
  deps: NightlyDeps,
  { studentId, student }: { studentId: string; student: StudentRecord },
  report: Report,
  asOf: string,
  outcome: StudentOutcome,
): Promise<void> {
  const withdrawn = withdraw(report, asOf);
  // The entry expires with the report; a report stored before it had an expiry gets the student's.
  const expiresAt = report.expiresAt ?? studentItemExpiry(student, asOf, deps.config.retentionYears);
  const audit = nightlyChange(asOf, {
    entity: 'report',
    entityId: report.reportId,
    what: 'withdrawn',
    before: report,
    after: withdrawn,
    studentId,
    expiresAt,
  });
  const event = {
    eventId: domainEventId('report.withdrawn', report.reportId, asOf),
    event: {
      type: 'report.withdrawn' as const,
      reportId: report.reportId,
      studentId,
      teamId: report.teamId,
      asOf,
    },
  };
  // The report, its entry and its event together (published at the end of the run).
  await commitWith({ store: deps.store }, { audit: [audit], events: [event] }, (store) =>
    saveReport(store, withdrawn, report.version),
  );
  outcome.withdrawn++;
}

/** The coach's mail about a withdrawn report; none when the coach is not in the directory. */
function withdrawnMail(
  deps: NightlyDeps,
  directory: Directory,
  report: Report,
  studentId: string,
): MailDraft | undefined {
  const coach = directory.staff(report.coachId);
  if (!coach) return undefined;
  return {
    template: report.routeX ? 'routex.withdrawn.coach' : 'withdrawn.coach',
    to: coach.email,
    studentId,
    period: { from: report.from, to: report.to },
    data: {
      coachName: coach.name,
      studentName: report.studentName,
      from: report.from,
      to: report.to,
      url: link(deps.config, dashboardPath.report(report.reportId)),
    },
  };
}
