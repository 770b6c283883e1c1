import { translateOr } from '../../../shared/i18n';
import type { StudentSignalState } from '../../../shared/policy';

export interface SignalMark {
  kind: string;
  date: string;
  /** In Dutch; the dashboard shows `kind` in the reader's language. */
  text: string;
}

/** The signals a student's state records (each rule's last date), newest first. */
export function signalsOf(state: StudentSignalState): SignalMark[] {
  const marks: [string, string | null][] = [
    ['signal8', state.signal8Through],
    ['signal4w', state.fourWeekThrough],
    ['sick_repeated', state.sickRepeatedThrough],
    ['sick_long', state.sickLongThrough],
    ['frequent', state.frequentThrough],
  ];
  return marks
    .flatMap(([kind, date]) =>
      date ? [{ kind, date, text: translateOr('nl', `signal.${kind}`, kind) }] : [],
    )
    .sort((a, b) => b.date.localeCompare(a.date));
}
