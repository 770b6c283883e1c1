import { beforeAll, describe, expect, it } from 'vitest';
import type { AdminPage, CalendarDataBody } from '../../../shared/api/admin';
import { defaultCalendarData } from '../../../shared/calendar';
import type * as Cal from '../../../web/src/lib/views/admin-calendar.svelte';
import type * as Notices from '../../../web/src/lib/views/admin-notices.svelte';
import type * as Profiles from '../../../web/src/lib/views/admin-profiles.svelte';
import { loadRunes } from './runes';

let cal: typeof Cal;
let notices: typeof Notices;
let profiles: typeof Profiles;
beforeAll(async () => {
  cal = await loadRunes<typeof Cal>('lib/views/admin-calendar.svelte.ts');
  notices = await loadRunes<typeof Notices>('lib/views/admin-notices.svelte.ts');
  profiles = await loadRunes<typeof Profiles>('lib/views/admin-profiles.svelte.ts');
});

const standard: AdminPage['normProfiles'][number] = {
  id: 'standard',
  description: '',
  name: { nl: 'Standaard (Leerplichtwet)', en: 'Standard (Compulsory Education Act)' },
  legalRules: true,
  reportToDuo: true,
  values: {
    signalMinutes: 480,
    reportMinutes: 960,
    windowWeeks: 4,
    reportDueWorkingDays: 2,
    sickRepeatedCount: 4,
    sickRepeatedWindowWeeks: 12,
    sickLongDays: 7,
    frequentCount: 4,
    frequentWindowWeeks: 4,
  },
  editable: [
    'signalMinutes',
    'reportDueWorkingDays',
    'sickRepeatedCount',
    'sickRepeatedWindowWeeks',
    'sickLongDays',
    'frequentCount',
    'frequentWindowWeeks',
  ],
};

describe("the administrator's calendar editor", () => {
  it('names a study day in the weekend before saving, in the chosen language, and saves nothing meanwhile', async () => {
    const editor = new cal.CalendarEditor(defaultCalendarData as CalendarDataBody, 0, '2026-11-30');
    editor.addStudyDay({ date: '2027-03-13', name: 'Studiedag' });
    expect(editor.problemTexts('nl')).toEqual(['Studiedag Studiedag op 13-03-2027 valt in het weekend.']);
    expect(editor.problemTexts('en')).toEqual(['Study day Studiedag on 13-03-2027 falls on a weekend.']);
    let posted = 0;
    await editor.save(async () => ({ version: ++posted }));
    expect(posted).toBe(0);
    editor.removeStudyDay('2027-03-13');
    expect(editor.problems).toEqual([]);
  });

  it('adds a holiday and a proposed next school year, then saves them from the version it was opened with', async () => {
    const editor = new cal.CalendarEditor(defaultCalendarData as CalendarDataBody, 3, '2026-11-30');
    editor.addHoliday('2026-27', { name: 'Extra', from: '2027-06-01', to: '2027-06-04' });
    editor.addYear();
    expect(editor.data.years.at(-1)).toEqual({
      id: '2028-29',
      firstDay: '2028-09-04',
      lastDay: '2029-07-20',
      holidays: [],
    });
    expect(editor.problems).toEqual([]);
    const bodies: { version: number; calendar: CalendarDataBody }[] = [];
    await editor.save((body) => {
      bodies.push(body);
      return Promise.resolve({ version: 4 });
    });
    expect(bodies[0]?.version).toBe(3);
    expect(bodies[0]?.calendar.years[1]?.holidays.map((h) => h.name)).toContain('Extra');
    expect(editor.state).toBe('saved');
    expect(editor.version).toBe(4);
  });
});

describe('the notice form', () => {
  it('posts one date or a range, with the English text only when given, then empties', async () => {
    const form = new notices.NoticeForm();
    expect(form.valid).toBe(false);
    form.from = '2026-12-01';
    form.to = '2026-12-03';
    form.text = '  Code rood ';
    const bodies: unknown[] = [];
    expect(await form.submit(async (b) => bodies.push(b))).toBe(true);
    expect(bodies).toEqual([{ from: '2026-12-01', to: '2026-12-03', kind: 'info', text: 'Code rood' }]);
    expect(form.text).toBe('');
  });

  it('shows the English text in English, and lets only the dashboard’s own notices be withdrawn', () => {
    const n = { date: '2026-12-01', kind: 'info', text: 'Dicht', textEn: 'Closed', source: 'admin' as const };
    expect(notices.noticeText(n, 'en')).toBe('Closed');
    expect(notices.noticeText(n, 'nl')).toBe('Dicht');
    expect(notices.canWithdraw(n)).toBe(true);
    expect(notices.canWithdraw({ date: '2026-12-01', kind: 'severe_weather', text: 'x' })).toBe(false);
  });
});

describe('the norm-profile editor', () => {
  it('describes a profile in English when the dashboard is in English (it stayed Dutch: #13)', () => {
    expect(profiles.profileDescription(standard, 'en')).toBe(
      'Standard (Compulsory Education Act): 16 hours in 4 school weeks, 8-hour signal at 8 hours',
    );
  });

  it('sends only the changed values, and refuses an 8-hour signal at the report', async () => {
    const editor = new profiles.ProfileEditor(standard);
    editor.values.signalMinutes = 960;
    expect(editor.problemTexts('nl')).toEqual([
      'Het 8-uurssignaal (960 min) moet lager liggen dan de melding (960 min).',
    ]);
    editor.values.signalMinutes = 420;
    const sent: unknown[] = [];
    await editor.save(async (v) => sent.push(v));
    expect(sent).toEqual([{ signalMinutes: 420 }]);
  });
});
