/**
 * The ages at which the nightly run changes who it writes to, at the literal boundary: the day
 * before the birthday and the birthday itself.
 */
import { describe, expect, it } from 'vitest';
import { listCoachCases } from '../../../functions/store/cases-repository';
import { startedForEachTest } from '../../support/started';
import { leftEvent } from '../../support/webhook';
import { coach, coachEmail, day, startHarness } from './harness';

const h = startedForEachTest(startHarness);

describe('Hoofdstuk 1 – 8-uurssignaal: the guardian is mailed while the student is under 18', () => {
  it('mails the guardian of a student who is 17 on the evaluation date, not of one who turns 18 that day', async () => {
    await h.student('s-zeventien', { birthDate: '2008-09-09', guardianEmail: 'ouder.zeventien@example.nl' });
    await h.student('s-achttien', { birthDate: '2008-09-08', guardianEmail: 'ouder.achttien@example.nl' });
    await h.deliver(...day('s-zeventien', '2026-09-08'), ...day('s-achttien', '2026-09-08'));
    await h.nightly('2026-09-08', { mailGuardians: true });
    expect(await h.mailsTo('ouder.zeventien@example.nl')).toHaveLength(1);
    expect(await h.mailsTo('ouder.achttien@example.nl')).toEqual([]);
  });
});

describe('Uitstroom zonder startkwalificatie: an early school leaver is under 23 on the day of leaving', () => {
  it('flags a leaver who is 22 on the day of leaving, not one who turns 23 that day (both get a case)', async () => {
    await h.student('s-tweeentwintig', { birthDate: '2003-10-02', level: '3' });
    await h.student('s-drieentwintig', { birthDate: '2003-10-01', level: '3' });
    const noDiploma = (studentId: string) =>
      leftEvent(studentId, '2026-10-01', { data: { studentId, date: '2026-10-01', diplomaObtained: false } });
    await h.deliver(noDiploma('s-tweeentwintig'), noDiploma('s-drieentwintig'));
    await h.nightly('2026-10-01');
    const cases = await listCoachCases(h.table, coach.staffId, 'open');
    expect(cases.map((c) => [c.studentId, c.earlySchoolLeaver])).toEqual([
      ['s-drieentwintig', false],
      ['s-tweeentwintig', true],
    ]);
    const text = (await h.mailsTo(coachEmail))[0]?.body.text ?? '';
    expect(text).toMatch(/s-tweeentwintig: [^\n]*RMC-melding/);
    expect(text).not.toMatch(/s-drieentwintig: [^\n]*RMC-melding/);
  });
});
