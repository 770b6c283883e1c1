import type { CalendarDataBody } from '../../../../shared/api/admin';
import { addDays, toDay, weekday } from '../../../../shared/calendar/dates';
import {
  type CalendarProblem,
  calendarProblemText,
  validateCalendar,
} from '../../../../shared/calendar/validate';
import type { Lang } from '../../../../shared/i18n';
import type { SaveState } from './admin-notices.svelte';

type Year = CalendarDataBody['years'][number];

/** The Monday on or after `date`. */
function mondayFrom(date: string): string {
  const d = toDay(date);
  return addDays(date, (7 - weekday(d)) % 7);
}

/**
 * The administrator's draft of the school calendar: holidays, study days, the public-holiday
 * rule and new school years, checked as it is edited by the same rules the API applies
 * (`validateCalendar`), so a gap is named before saving. Saved, it applies from the next night.
 */
export class CalendarEditor {
  data = $state<CalendarDataBody>() as CalendarDataBody;
  version = $state(0);
  state = $state<SaveState>('idle');
  error = $state('');
  private readonly today: string;

  readonly problems: CalendarProblem[] = $derived.by(() => validateCalendar(this.data, this.today));

  constructor(data: CalendarDataBody, version: number, today: string) {
    this.today = today;
    // The page's data is a deep $state proxy, which structuredClone cannot copy.
    this.data = $state.snapshot(data) as CalendarDataBody;
    this.version = version;
  }

  problemTexts(lang: Lang): string[] {
    return this.problems.map((p) => calendarProblemText(lang, p));
  }

  private year(id: string): Year | undefined {
    return this.data.years.find((y) => y.id === id);
  }

  addHoliday(yearId: string, holiday: { name: string; from: string; to: string }): void {
    this.year(yearId)?.holidays.push(holiday);
    this.year(yearId)?.holidays.sort((a, b) => a.from.localeCompare(b.from));
    this.state = 'idle';
  }

  removeHoliday(yearId: string, index: number): void {
    this.year(yearId)?.holidays.splice(index, 1);
    this.state = 'idle';
  }

  addStudyDay(day: { date: string; name: string }): void {
    this.data.extraDaysOff.push(day);
    this.data.extraDaysOff.sort((a, b) => a.date.localeCompare(b.date));
    this.state = 'idle';
  }

  removeStudyDay(date: string): void {
    this.data.extraDaysOff = this.data.extraDaysOff.filter((d) => d.date !== date);
    this.state = 'idle';
  }

  /**
   * Proposes the next school year: from the Monday six weeks after the last one ends, 46 weeks
   * to a Friday, no holidays yet. The administrator adjusts its dates and adds its holidays.
   */
  addYear(): void {
    const last = this.data.years.at(-1);
    if (!last) return;
    const firstDay = mondayFrom(addDays(last.lastDay, 7 * 6));
    const start = Number(firstDay.slice(0, 4));
    const id = `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
    this.data.years.push({ id, firstDay, lastDay: addDays(firstDay, 7 * 46 - 3), holidays: [] });
    this.state = 'idle';
  }

  setYearDates(yearId: string, firstDay: string, lastDay: string): void {
    const y = this.year(yearId);
    if (!y) return;
    y.firstDay = firstDay;
    y.lastDay = lastDay;
    this.state = 'idle';
  }

  async save(post: (body: { version: number; calendar: CalendarDataBody }) => Promise<{ version: number }>) {
    if (this.problems.length > 0 || this.state === 'saving') return;
    this.state = 'saving';
    try {
      const saved = await post({
        version: this.version,
        calendar: $state.snapshot(this.data) as CalendarDataBody,
      });
      this.version = saved.version;
      this.state = 'saved';
      this.error = '';
    } catch (error) {
      this.state = 'failed';
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}
