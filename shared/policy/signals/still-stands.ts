/**
 * After a correction of presence data, does an unhandled 16-hour report still stand? It does while
 * the unauthorized minutes now recorded within its period still reach the profile's threshold;
 * otherwise the coach's open report must be withdrawn.
 */
import type { NormProfile } from '../profiles';
import type { DaySummary } from '../types';
import type { Report16 } from './types';

export function reportStillStands(
  report: Pick<Report16, 'period' | 'totalMinutes'>,
  days: readonly DaySummary[],
  profile: NormProfile,
): boolean {
  const perDay = new Map<string, number>();
  for (const d of days) {
    if (d.date < report.period.from || d.date > report.period.to) continue;
    perDay.set(d.date, Math.max(perDay.get(d.date) ?? 0, d.unauthorizedMinutes));
  }
  let total = 0;
  for (const m of perDay.values()) total += m;
  return total >= profile.reportMinutes;
}
