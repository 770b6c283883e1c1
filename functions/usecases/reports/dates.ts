/** Calendar arithmetic on local `YYYY-MM-DD` dates, done in UTC so no time zone or DST can shift a day. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** `n` working days (Monday to Friday, skipping the given public holidays) after `date`. */
export function addWorkingDays(
  date: string,
  n: number,
  isPublicHoliday: (date: string) => boolean = () => false,
): string {
  let current = date;
  let left = n;
  while (left > 0) {
    current = addDays(current, 1);
    if (!isWeekend(current) && !isPublicHoliday(current)) left--;
  }
  return current;
}

const AMSTERDAM = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The school's local date of an instant. */
export function localDate(instant: Date): string {
  return AMSTERDAM.format(instant);
}
