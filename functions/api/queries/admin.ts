import type { AdminPage } from '../../../shared/api/admin';
import {
  type CalendarData,
  calendarHorizon,
  publicHolidaysOff,
  summerHolidays,
} from '../../../shared/calendar';
import { translate } from '../../../shared/i18n';
import { editableFields, FIELD_BOUNDS, type NormProfile } from '../../../shared/policy';
import { localDate } from '../../domain/dates';
import type { Store } from '../../store/client';
import { listPortalNotices } from '../../store/portal-notices';
import { loadSchoolSettings } from '../../usecases/admin/school-settings';
import { mailPreviews } from './mail-previews';

/** The administration page: portal notices, the calendar in force and how much of it is left, norm profiles, mails. */

function describeProfile(p: NormProfile): string {
  const description = translate('nl', 'admin.profileDescription', {
    name: p.name.nl,
    reportHours: p.reportMinutes / 60,
    windowWeeks: p.windowWeeks,
    signalHours: p.signalMinutes / 60,
  });
  return p.reportToDuo ? description : description + translate('nl', 'admin.profileNotToDuo');
}

/** Each year with its summer holiday after it, its public holidays and study days (the calendar view). */
function yearsOf(data: CalendarData): AdminPage['calendar']['years'] {
  const summers = new Map(summerHolidays(data).map((s) => [s.year, { from: s.from, to: s.to }]));
  return data.years.map((y) => {
    const inYear = (date: string) => y.firstDay <= date && date <= y.lastDay;
    const calendarYears = [Number(y.firstDay.slice(0, 4)), Number(y.lastDay.slice(0, 4))];
    const publicHolidays = [...new Set(calendarYears)]
      .flatMap((year) => publicHolidaysOff(year, data.publicHolidayRule))
      .filter((d) => inYear(d.date));
    return {
      id: y.id,
      firstDay: y.firstDay,
      lastDay: y.lastDay,
      holidays: y.holidays,
      summer: summers.get(y.id) ?? null,
      publicHolidays,
      studyDays: data.extraDaysOff.filter((d) => inYear(d.date)).sort((a, b) => a.date.localeCompare(b.date)),
    };
  });
}

/** `now` decides how much school calendar is left. */
export async function adminPage(store: Store, now: Date): Promise<AdminPage> {
  const [notices, settings] = await Promise.all([listPortalNotices(store), loadSchoolSettings(store)]);
  const { calendar } = settings;
  const horizon = calendarHorizon(calendar, localDate(now));
  return {
    notices: notices.map((n) => ({
      date: n.date,
      kind: n.kind,
      text: n.text,
      ...(n.textEn ? { textEn: n.textEn } : {}),
      ...(n.source === 'admin' ? { source: 'admin' as const } : {}),
    })),
    calendar: {
      schoolYear: calendar.years.map((y) => y.id).join(', '),
      holidays: calendar.years.flatMap((y) => y.holidays),
      endsOn: horizon.endsOn,
      weeksLeft: horizon.weeksLeft,
      schoolWeeksLeft: horizon.schoolWeeksLeft,
      endsSoon: horizon.endsSoon,
      covered: horizon.covered,
      version: settings.calendarVersion,
      data: settings.calendarData,
      years: yearsOf(settings.calendarData),
    },
    normProfiles: Object.values(settings.profiles).map((p) => ({
      id: p.id,
      description: describeProfile(p),
      name: p.name,
      legalRules: p.legalRules,
      reportToDuo: p.reportToDuo,
      values: Object.fromEntries(
        (Object.keys(FIELD_BOUNDS) as (keyof typeof FIELD_BOUNDS)[]).map((f) => [f, p[f]]),
      ),
      editable: editableFields(p),
    })),
    normProfilesVersion: settings.profilesVersion,
    mails: mailPreviews(),
  };
}
