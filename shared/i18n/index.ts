import { en } from './dashboard.en';
import { type DashboardKey, nl } from './dashboard.nl';

export type Lang = 'nl' | 'en';
export type { DashboardKey };
export const LANGS: readonly Lang[] = ['nl', 'en'];

const TEXTS: Record<Lang, Record<DashboardKey, string>> = { nl, en };

/** A dashboard text with `{name}` placeholders filled in. */
export function translate(
  lang: Lang,
  key: DashboardKey,
  values: Record<string, string | number> = {},
): string {
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Minutes as hours and minutes, never rounded (policy: minutes are exact). */
export function formatMinutes(lang: Lang, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return translate(lang, 'units.hours', { h, m });
}

/** A text for a key built at run time (a signal kind, a status), or the raw value when there is none. */
export function translateOr(lang: Lang, key: string, fallback: string): string {
  return key in TEXTS[lang] ? TEXTS[lang][key as DashboardKey] : fallback;
}
