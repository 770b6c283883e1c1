import { dashboardLink, dashboardPath } from '../../../shared/links';
import { localDate } from '../../domain/dates';
import { NothingToRemind, ReminderAlreadySent } from '../../domain/errors';
import type { Actor } from '../../domain/lifecycle';
import { auditItem } from '../../store/audit-repository';
import { mapLimit } from '../../store/dynamo';
import { coachReminderMailId } from '../../store/record-ids';
import { listTeamReports } from '../../store/reports-repository';
import { dateItemExpiry } from '../../store/retention';
import { getStaff } from '../../store/staff';
import type { ReportDeps } from './actions';

export interface RemindCoachCommand {
  unitId: string;
  unitName: string;
  /** The teams of the unit (the unit itself and everything below it). */
  teamIds: readonly string[];
  coachId: string;
  actor: Actor;
  now: Date;
}

export interface CoachReminder {
  coachId: string;
  name: string;
  open: number;
  overdue: number;
  date: string;
}

/**
 * A manager reminds a coach of the open reports of the coach's students in a unit: one mail
 * (counts, no student named) and one audit entry, written together. At most one per coach per
 * day, whoever sends it: the mail's id is the coach's and the date's, so a second is refused.
 */
export async function remindCoach(deps: ReportDeps, command: RemindCoachCommand): Promise<CoachReminder> {
  const { store, outbox } = deps;
  const coach = await getStaff(store, command.coachId);
  const today = localDate(command.now);
  const lists = await mapLimit([...command.teamIds], 8, (teamId) => listTeamReports(store, teamId, 'open'));
  const reports = lists.flat().filter((r) => r.coachId === command.coachId);
  if (!coach || !outbox || reports.length === 0) throw new NothingToRemind(command.coachId);
  const overdue = reports.filter((r) => r.status === 'open' && r.dueDate < today).length;
  const reminder = { coachId: coach.staffId, name: coach.name, open: reports.length, overdue, date: today };
  const mailId = coachReminderMailId(coach.staffId, today);
  const entry = auditItem(
    store,
    {
      entity: 'staff',
      entityId: coach.staffId,
      at: command.now.toISOString(),
      by: command.actor.staffId,
      what: 'reminder',
      before: null,
      after: { ...reminder, unitId: command.unitId, mailId, reportIds: reports.map((r) => r.reportId) },
    },
    dateItemExpiry(today, deps.retentionYears),
  );
  const recorded = await outbox.enqueue(
    {
      id: mailId,
      template: 'reminder.coach',
      to: [coach.email],
      data: {
        coachName: coach.name,
        managerName: command.actor.name,
        unitName: command.unitName,
        open: reminder.open,
        overdue,
        date: today,
        url: dashboardLink(deps.dashboardUrl, dashboardPath.coach()),
      },
    },
    [entry],
  );
  if (!recorded) throw new ReminderAlreadySent(coach.staffId, today);
  if (deps.flushMails) await outbox.flush();
  return reminder;
}
