import { type DashboardKey, formatMinutes, type Lang, translate, translateOr } from '../../../shared/i18n';

const KEY = 'presentie.lang';

function initial(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

/** The interface language: Dutch first, English on request; `<html lang>` follows. */
class I18n {
  lang = $state<Lang>(initial());

  constructor() {
    if (typeof document !== 'undefined') document.documentElement.lang = this.lang;
  }

  t = (key: DashboardKey, values?: Record<string, string | number>): string =>
    translate(this.lang, key, values);
  hours = (minutes: number): string => formatMinutes(this.lang, minutes);
  /** A signal kind or status from the API in words; unknown values are shown as they are. */
  term = (value: string): string =>
    translateOr(this.lang, `signal.${value}`, translateOr(this.lang, `status.${value}`, value));
  date = (iso: string | null | undefined): string => {
    if (!iso) return '–';
    const [y, m, d] = iso.slice(0, 10).split('-');
    return this.lang === 'nl' ? `${d}-${m}-${y}` : `${y}-${m}-${d}`;
  };

  set(lang: Lang) {
    this.lang = lang;
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(KEY, lang);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }

  toggle() {
    this.set(this.lang === 'nl' ? 'en' : 'nl');
  }
}

export const i18n = new I18n();
