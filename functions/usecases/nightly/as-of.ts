const TIME_ZONE = 'Europe/Amsterdam';

/** The date a scheduled run at `instant` evaluates: the day before, in the school's time zone. */
export function scheduledAsOf(instant: Date): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
