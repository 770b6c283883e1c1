import { type Lang, translate, translateOr } from '../../../../shared/i18n';

/** What a failed request carries (`ApiError` in lib/api.ts): its HTTP status (0: no answer) and a named refusal. */
interface Failure {
  status?: number;
  code?: string;
  values?: Record<string, string>;
}

/** The text for a status without a named refusal: never the server's own (English) words. */
function byStatus(status: number | undefined): string {
  if (status === 0) return 'error.network';
  if (status === 400 || status === 422) return 'error.invalid_body';
  if (status !== undefined && status >= 500) return 'error.server';
  if (status !== undefined && status >= 400) return 'error.refused';
  return 'error.unexpected';
}

/**
 * Any failure as a sentence in the reader's language: a named refusal (`error.<code>`) with its
 * values, else by HTTP status; a fetch that got no answer at all ("Failed to fetch") is a
 * network failure, anything else unexpected says so without the raw message.
 */
export function failureText(lang: Lang, error: unknown): string {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as Failure;
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => failure.values?.[name] ?? whole);
  if (failure.code) {
    const named = translateOr(lang, `error.${failure.code}`, '');
    if (named) return fill(named);
  }
  // A fetch that never reached the server rejects with a TypeError (Chromium: "Failed to fetch").
  if (failure.status === undefined && error instanceof TypeError) return translate(lang, 'error.network');
  return translateOr(lang, byStatus(failure.status), translate(lang, 'error.unexpected'));
}
