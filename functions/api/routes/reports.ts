import { BulkActionBody } from '../../../shared/api/coach';
import { ApplyActionBody, CompleteConversationBody, ReferralBody } from '../../../shared/api/reports';
import { type DashboardKey, translate, translateOr } from '../../../shared/i18n';
import { hasRole } from '../../auth/principal';
import {
  ConcurrentModification,
  ExplanationRequired,
  InvalidTransition,
  ReportAlreadyHandled,
  ReportNotFound,
} from '../../domain/errors';
import { accessExportHtml } from '../access-export-html';
import { actorOf, json, type RouteContext, type RouteHandler } from '../context';
import { badRequest, forbidden, HttpProblem, missing, OutOfScope, outOfScope } from '../errors';
import { canSeeStudent } from '../scope';
import { parseBody } from '../validate';

/** A student the caller may see; one outside their scope is answered as one that does not exist. */
async function studentInScope(ctx: RouteContext, studentId: string, target = `student:${studentId}`) {
  const student = await ctx.data.getStudent(studentId);
  if (!student) throw missing(ctx.principal, target);
  if (!canSeeStudent(ctx.principal, student, await ctx.units())) throw outOfScope(target);
  return student;
}

async function reportInScope(ctx: RouteContext) {
  const reportId = ctx.params.reportId as string;
  const report = await ctx.data.getReport(reportId, ctx.now);
  if (!report) throw missing(ctx.principal, `report:${reportId}`);
  await studentInScope(ctx, report.student.studentId, `report:${reportId}`);
  return report;
}

/** Only the student's own coach acts on a 16-hour report. */
function mustBeOwnCoach(ctx: RouteContext, coachId: string) {
  if (!hasRole(ctx.principal, 'coach') || coachId !== ctx.principal.staffId)
    throw forbidden('not your student');
}

/** The whole open list is read anyway (AP 14 per team); this bounds the page it is cut to. */
const ALL_OPEN = 10_000;

/**
 * For the student's own coach: their next open report, the one due first (then the oldest),
 * other than this one; null when none is left. Undefined for anyone else.
 */
async function nextOpenReport(ctx: RouteContext, report: { reportId: string; student: { coachId: string } }) {
  if (!hasRole(ctx.principal, 'coach') || report.student.coachId !== ctx.principal.staffId) return undefined;
  const { items } = await ctx.data.listOpenReports(
    { coachId: ctx.principal.staffId },
    null,
    ALL_OPEN,
    ctx.now,
  );
  const next = items
    .filter((r) => r.reportId !== report.reportId)
    .sort(
      (a, b) =>
        a.dueDate.localeCompare(b.dueDate) ||
        a.createdOn.localeCompare(b.createdOn) ||
        a.reportId.localeCompare(b.reportId),
    )[0];
  return next?.reportId ?? null;
}

/** The report as the page shows it, with the coach's next open report. */
async function reportPage(ctx: RouteContext, reportId: string) {
  const report = await ctx.data.getReport(reportId, ctx.now);
  if (!report) return report;
  const next = await nextOpenReport(ctx, report);
  return next === undefined ? report : { ...report, nextOpenReportId: next };
}

export const getReport: RouteHandler = async (ctx) => {
  const found = await reportInScope(ctx);
  const report = (await reportPage(ctx, found.reportId)) ?? found;
  await ctx.data.audit({
    at: ctx.now.toISOString(),
    staffId: ctx.principal.staffId,
    action: 'read',
    subject: `report:${report.reportId}`,
    studentId: report.student.studentId,
  });
  return json(report);
};

export const applyAction: RouteHandler = async (ctx) => {
  const body = parseBody(ApplyActionBody, ctx.body);
  const report = await reportInScope(ctx);
  mustBeOwnCoach(ctx, report.student.coachId);
  await ctx.data.applyReportAction({
    reportId: report.reportId,
    action: body.action,
    explanation: body.explanation,
    actor: actorOf(ctx),
    now: ctx.now,
  });
  return json(await reportPage(ctx, report.reportId));
};

/** Why one report of a bulk action was refused, in Dutch (the coach's language). */
function refusalOf(error: unknown): DashboardKey {
  if (error instanceof OutOfScope || error instanceof ReportNotFound) return 'bulk.refused.notFound';
  if (error instanceof HttpProblem && error.statusCode === 404) return 'bulk.refused.notFound';
  if (error instanceof HttpProblem && error.statusCode === 403) return 'bulk.refused.notYours';
  if (error instanceof ReportAlreadyHandled) return 'bulk.refused.handled';
  if (error instanceof InvalidTransition) return 'bulk.refused.transition';
  if (error instanceof ConcurrentModification) return 'bulk.refused.concurrent';
  if (error instanceof ExplanationRequired) return 'bulk.refused.explanation';
  return 'bulk.refused.failed';
}

/**
 * One action on several reports (of one student, as the dashboard offers it): each report goes
 * through the same checks and the same use case as `applyAction`, in its own commit with its own
 * audit entry, so one refusal leaves the others applied. A refusal of scope is audited as such.
 */
export const bulkAction: RouteHandler = async (ctx) => {
  const body = parseBody(BulkActionBody, ctx.body);
  const results: { reportId: string; ok: boolean; reason?: string }[] = [];
  for (const reportId of [...new Set(body.reportIds)]) {
    try {
      const report = await reportInScope({ ...ctx, params: { ...ctx.params, reportId } });
      mustBeOwnCoach(ctx, report.student.coachId);
      await ctx.data.applyReportAction({
        reportId,
        action: body.action,
        explanation: body.explanation,
        actor: actorOf(ctx),
        now: ctx.now,
      });
      results.push({ reportId, ok: true });
    } catch (error) {
      if (error instanceof HttpProblem) {
        await ctx.data.audit({
          at: ctx.now.toISOString(),
          staffId: ctx.principal.staffId,
          action: 'refused',
          subject: `bulkAction:report:${reportId}`,
        });
      }
      // A refusal with its own name (a Route-X report to DUO, ...) reads as on the report page.
      const named = error instanceof InvalidTransition ? `error.${error.code}` : '';
      results.push({
        reportId,
        ok: false,
        reason: translateOr('nl', named, translate('nl', refusalOf(error))),
      });
    }
  }
  return json({ results });
};

export const completeConversation: RouteHandler = async (ctx) => {
  const body = parseBody(CompleteConversationBody, ctx.body);
  const report = await reportInScope(ctx);
  mustBeOwnCoach(ctx, report.student.coachId);
  await ctx.data.completeConversation({
    reportId: report.reportId,
    outcome: body.outcome,
    actor: actorOf(ctx),
    now: ctx.now,
  });
  return json(await reportPage(ctx, report.reportId));
};

export const referral: RouteHandler = async (ctx) => {
  const body = parseBody(ReferralBody, ctx.body);
  const student = await studentInScope(ctx, ctx.params.studentId as string);
  mustBeOwnCoach(ctx, student.coachId);
  const result = await ctx.data.createReferral({
    studentId: student.studentId,
    category: body.category,
    explanation: body.explanation,
    ...(body.category === 'duo' && body.duoType ? { duoType: body.duoType } : {}),
    actor: actorOf(ctx),
    now: ctx.now,
  });
  return json(result);
};

export const studentPage: RouteHandler = async (ctx) => {
  const student = await studentInScope(ctx, ctx.params.studentId as string);
  await ctx.data.audit({
    at: ctx.now.toISOString(),
    staffId: ctx.principal.staffId,
    action: 'read',
    subject: `student:${student.studentId}`,
    studentId: student.studentId,
  });
  return json(await ctx.data.studentPage(student, ctx.now));
};

/** Who saw this student's data (the attendance officer answers "who saw my data"); itself a read. */
export const studentReads: RouteHandler = async (ctx) => {
  const student = await studentInScope(ctx, ctx.params.studentId as string);
  const reads = await ctx.data.studentReads(student.studentId);
  await ctx.data.audit({
    at: ctx.now.toISOString(),
    staffId: ctx.principal.staffId,
    action: 'read',
    subject: `student-reads:${student.studentId}`,
    studentId: student.studentId,
  });
  const { studentId, displayName, teamId, coachId } = student;
  return json({ student: { studentId, displayName, teamId, coachId }, reads });
};

/**
 * The student's right of access (AVG art. 15): everything held about them, for the attendance
 * officer to hand over. A read of the student's data like their page: audited on their trail,
 * so the next export shows who made this one.
 */
export const accessExport: RouteHandler = async (ctx) => {
  const student = await studentInScope(ctx, ctx.params.studentId as string);
  const format = ctx.query.format ?? 'json';
  if (format !== 'json' && format !== 'html') throw badRequest('format is json or html');
  const exported = await ctx.data.accessExport(student.studentId, ctx.now, {
    staffId: ctx.principal.staffId,
    name: ctx.principal.name,
  });
  await ctx.data.audit({
    at: ctx.now.toISOString(),
    staffId: ctx.principal.staffId,
    action: 'read',
    subject: `access-export:${student.studentId}`,
    studentId: student.studentId,
  });
  return format === 'html' ? { html: accessExportHtml(exported, 'nl') } : json(exported);
};
