import { describe, expect, it } from 'vitest';
import { formatMinutes, translate } from '../../../shared/i18n';
import { en } from '../../../shared/i18n/dashboard.en';
import { nl } from '../../../shared/i18n/dashboard.nl';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dashboard texts', () => {
  it('has an English text for every Dutch one, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });

  it('fills placeholders and shows minutes exactly, without rounding', () => {
    expect(translate('nl', 'app.signedInAs', { name: 'Anna' })).toBe('Aangemeld als Anna');
    expect(translate('en', 'app.signedInAs', { name: 'Anna' })).toBe('Signed in as Anna');
    expect(formatMinutes('nl', 959)).toBe('15 u 59 min');
    expect(formatMinutes('en', 960)).toBe('16 h 0 min');
  });
});
