import type { AdminPage } from '../../../shared/api/admin';
import { calendarHorizon, defaultCalendar } from '../../../shared/calendar';
import { translate } from '../../../shared/i18n';
import { NORM_PROFILES, type NormProfile } from '../../../shared/policy';
import { localDate } from '../../domain/dates';
import type { Store } from '../../store/client';
import { listPortalNotices } from '../../store/portal-notices';
import { mailPreviews } from './mail-previews';

/** The administration page: portal notices, the calendar and how much of it is left, norm profiles, mails. */

function describeProfile(p: NormProfile): string {
  const description = translate('nl', 'admin.profileDescription', {
    name: p.name.nl,
    reportHours: p.reportMinutes / 60,
    windowWeeks: p.windowWeeks,
    signalHours: p.signalMinutes / 60,
  });
  return p.reportToDuo ? description : description + translate('nl', 'admin.profileNotToDuo');
}

/** `now` decides how much school calendar is left. */
export async function adminPage(store: Store, now: Date): Promise<AdminPage> {
  const notices = await listPortalNotices(store);
  const horizon = calendarHorizon(defaultCalendar, localDate(now));
  return {
    notices: notices.map((n) => ({ date: n.date, kind: n.kind, text: n.text })),
    calendar: {
      schoolYear: defaultCalendar.years.map((y) => y.id).join(', '),
      holidays: defaultCalendar.years.flatMap((y) => y.holidays),
      endsOn: horizon.endsOn,
      weeksLeft: horizon.weeksLeft,
      schoolWeeksLeft: horizon.schoolWeeksLeft,
      endsSoon: horizon.endsSoon,
      covered: horizon.covered,
    },
    normProfiles: Object.values(NORM_PROFILES).map((p) => ({ id: p.id, description: describeProfile(p) })),
    mails: mailPreviews(),
  };
}
