import {
  PostNoticeBody,
  SaveCalendarBody,
  SaveProfileBody,
  WithdrawNoticeBody,
} from '../../../shared/api/admin';
import { calendarProblemText } from '../../../shared/calendar';
import { profileProblemText } from '../../../shared/policy';
import { CalendarRefused, NoticeNotFound, ProfileRefused, UnknownProfile } from '../../usecases/admin/errors';
import { json, type RouteHandler } from '../context';
import { HttpProblem, notFound } from '../errors';
import { parseBody } from '../validate';

export const admin: RouteHandler = async (ctx) => json(await ctx.data.admin(ctx.now));

/** A refusal the administrator reads: every problem in Dutch (and English for the dashboard). */
function refused(issues: { code: string; nl: string; en: string }[]): HttpProblem {
  return new HttpProblem(422, { error: issues.map((i) => i.nl).join(' '), issues });
}

export const postNotice: RouteHandler = async (ctx) => {
  const post = parseBody(PostNoticeBody, ctx.body);
  return json(await ctx.data.postNotice({ post, by: ctx.principal.staffId, now: ctx.now }));
};

export const withdrawNotice: RouteHandler = async (ctx) => {
  const { date, kind } = parseBody(WithdrawNoticeBody, ctx.body);
  try {
    await ctx.data.withdrawNotice({ date, kind, by: ctx.principal.staffId, now: ctx.now });
  } catch (error) {
    if (error instanceof NoticeNotFound) throw notFound();
    throw error;
  }
  return json({ ok: true });
};

export const saveCalendar: RouteHandler = async (ctx) => {
  const body = parseBody(SaveCalendarBody, ctx.body);
  try {
    return json(await ctx.data.saveCalendar({ body, by: ctx.principal.staffId, now: ctx.now }));
  } catch (error) {
    if (error instanceof CalendarRefused)
      throw refused(
        error.problems.map((p) => ({
          code: p.code,
          nl: calendarProblemText('nl', p),
          en: calendarProblemText('en', p),
        })),
      );
    throw error;
  }
};

export const saveNormProfile: RouteHandler = async (ctx) => {
  const body = parseBody(SaveProfileBody, ctx.body);
  const profileId = ctx.params.profileId as string;
  try {
    return json(await ctx.data.saveNormProfile({ profileId, body, by: ctx.principal.staffId, now: ctx.now }));
  } catch (error) {
    if (error instanceof UnknownProfile) throw notFound();
    if (error instanceof ProfileRefused)
      throw refused(
        error.problems.map((p) => ({
          code: p.code,
          nl: profileProblemText('nl', p),
          en: profileProblemText('en', p),
        })),
      );
    throw error;
  }
};
