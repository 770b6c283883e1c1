import type { Locale } from './types';

/** Whole minutes as hours and minutes, never rounded: "16 uur en 5 minuten". */
export function formatDuration(minutes: number, locale: Locale): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (locale === 'nl') {
    const h = `${hours} uur`;
    return rest === 0 ? h : `${h} en ${rest} ${rest === 1 ? 'minuut' : 'minuten'}`;
  }
  const h = `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return rest === 0 ? h : `${h} and ${rest} ${rest === 1 ? 'minute' : 'minutes'}`;
}

const MONTHS_NL = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-10-05` as "5 oktober 2026" / "5 October 2026"; the date is already local, so no time zone enters. */
export function formatDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number);
  const months = locale === 'nl' ? MONTHS_NL : MONTHS_EN;
  return `${d} ${months[(m ?? 1) - 1]} ${y}`;
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
