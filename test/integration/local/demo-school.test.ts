import { describe, expect, it } from 'vitest';
import { demoBatches, generateDemoSchool } from '../../../scripts/local/demo-school';
import { defaultCalendar } from '../../../shared/calendar';
import { parseBatch } from '../../../shared/contract/batch';
import type { EventOf, PresenceEvent } from '../../../shared/contract/events';
import { classify } from '../../../shared/policy';

const school = generateDemoSchool({ today: '2026-11-28' });
const all = [...school.roster, ...school.activity];
const ofType = <T extends PresenceEvent['type']>(type: T) =>
  all.filter((e): e is EventOf<T> => e.type === type);

/** Unauthorized minutes per student from `from` on, as the policy classifies them (latest revision). */
function unauthorizedMinutes(from: string): Map<string, number> {
  const birth = new Map(ofType('student.upserted').map((e) => [e.data.studentId, e.data.birthDate]));
  const weather = new Set(ofType('portal.notice').map((e) => e.data.date));
  const latest = new Map<string, EventOf<'registration.upserted'>['data']>();
  for (const e of ofType('registration.upserted')) {
    const held = latest.get(e.data.registrationId);
    if (!held || held.revision < e.data.revision) latest.set(e.data.registrationId, e.data);
  }
  for (const e of ofType('registration.deleted')) latest.delete(e.data.registrationId);
  const totals = new Map<string, number>();
  for (const reg of latest.values()) {
    if (reg.date < from) continue;
    const result = classify(reg, {
      birthDate: birth.get(reg.studentId) ?? '2000-01-01',
      severeWeatherDates: weather,
    });
    if (result.kind === 'unauthorized') {
      totals.set(reg.studentId, (totals.get(reg.studentId) ?? 0) + result.minutesMissed);
    }
  }
  return totals;
}

describe('the demo school', () => {
  it('is the same school every time for the same seed and day, and another for another seed', () => {
    const again = generateDemoSchool({ today: '2026-11-28' });
    expect(again.roster).toEqual(school.roster);
    expect(again.activity.length).toBe(school.activity.length);
    expect(again.activity.slice(-200)).toEqual(school.activity.slice(-200));
    expect(again.cast).toEqual(school.cast);
    const other = generateDemoSchool({ today: '2026-11-28', seed: 7, students: 120 });
    expect(other.cast.towardSixteen).not.toEqual(school.cast.towardSixteen);
  });

  it('has an institution, 3 departments, 12 teams, about 600 students and the staff roles', () => {
    const units = ofType('orgunit.upserted').map((e) => e.data.kind);
    expect(units.filter((k) => k === 'institution')).toHaveLength(1);
    expect(units.filter((k) => k === 'department')).toHaveLength(3);
    expect(units.filter((k) => k === 'team')).toHaveLength(12);
    expect(ofType('student.upserted')).toHaveLength(600);

    const staff = ofType('staff.upserted').map((e) => e.data);
    const withRole = (role: string) => staff.filter((s) => s.roles.includes(role as never));
    expect(withRole('coach').length).toBeGreaterThanOrEqual(12);
    expect(withRole('coach').length).toBeLessThanOrEqual(24);
    expect(withRole('manager').map((s) => s.orgUnitIds)).toEqual([
      ['afd-techniek'],
      ['afd-zorg'],
      ['afd-economie'],
    ]);
    expect(withRole('attendance_officer')).toHaveLength(1);
    expect(withRole('front_office').length).toBeGreaterThanOrEqual(1);
    expect(withRole('admin')).toHaveLength(1);
    expect(staff.every((s) => s.email.endsWith('@school.example'))).toBe(true);
    expect(new Set(staff.map((s) => s.email)).size).toBe(staff.length);

    // Every team has one or two coaches and every student one of their team's coaches.
    const coachTeam = new Map(withRole('coach').map((s) => [s.staffId, s.orgUnitIds[0]]));
    for (const e of ofType('student.upserted')) expect(coachTeam.get(e.data.coachId)).toBe(e.data.teamId);
  });

  it('covers 8 school weeks ending on the last school day before today, skipping the autumn holiday', () => {
    expect(school.to).toBe('2026-11-27');
    expect(school.from).toBe('2026-09-28');
    const dates = new Set(ofType('registration.upserted').map((e) => e.data.date));
    expect([...dates].some((d) => d >= '2026-10-17' && d <= '2026-10-25')).toBe(false);
    expect([...dates].every((d) => d >= school.from && d <= school.to)).toBe(true);
    expect(school.schoolDays).toHaveLength(40);

    const afterChristmas = generateDemoSchool({ today: '2027-01-04', students: 24 });
    expect(afterChristmas.to).toBe('2026-12-18');
  });

  it('registers 4 to 6 lessons of 45 to 90 minutes a school day', () => {
    const perDay = new Map<string, number>();
    const lengths = new Set<number>();
    for (const e of ofType('registration.upserted')) {
      if (e.data.revision > 0) continue;
      const [h1, m1] = e.data.start.split(':').map(Number) as [number, number];
      const [h2, m2] = e.data.end.split(':').map(Number) as [number, number];
      lengths.add(h2 * 60 + m2 - (h1 * 60 + m1));
      const key = `${e.data.studentId} ${e.data.date}`;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(45);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(90);
    expect(Math.min(...perDay.values())).toBeGreaterThanOrEqual(4);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(6);
    expect(ofType('registration.upserted').length).toBeGreaterThan(90_000);
  });

  it('is valid by the webhook contract, in batches of at most 500 with staff and students first', () => {
    const batches = demoBatches(school);
    expect(batches.every((b) => b.length > 0 && b.length <= 500)).toBe(true);
    // As the webhook takes them in on the day the demo is generated for (dates, clock, names).
    const bounds = { now: new Date('2026-11-28T12:00:00Z'), calendar: defaultCalendar.coverage };
    for (const batch of batches) expect(parseBatch({ events: batch }, bounds).ok).toBe(true);
    const firstRegistration = all.findIndex((e) => e.type === 'registration.upserted');
    const lastPerson = all.findLastIndex((e) => e.type === 'student.upserted' || e.type === 'staff.upserted');
    expect(lastPerson).toBeLessThan(firstRegistration);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
  });

  it('is mostly present, with a few late arrivals', () => {
    const regs = ofType('registration.upserted').map((e) => e.data.status);
    const share = (status: string) => regs.filter((s) => s === status).length / regs.length;
    expect(share('present')).toBeGreaterThan(0.9);
    expect(share('late')).toBeGreaterThan(0.001);
    expect(share('late')).toBeLessThan(0.05);
  });

  it('has students sliding past 8 and past 16 unauthorized hours in the last four school weeks', () => {
    const lastFourWeeks = unauthorizedMinutes(school.schoolDays[school.schoolDays.length - 20] as string);
    expect(school.cast.towardEight.length).toBeGreaterThanOrEqual(5);
    for (const id of school.cast.towardEight) {
      expect(lastFourWeeks.get(id)).toBeGreaterThanOrEqual(8 * 60);
      expect(lastFourWeeks.get(id)).toBeLessThan(16 * 60);
    }
    expect(school.cast.towardSixteen.length).toBeGreaterThanOrEqual(3);
    for (const id of school.cast.towardSixteen) expect(lastFourWeeks.get(id)).toBeGreaterThanOrEqual(16 * 60);
    // The rest of the school mostly stays well below.
    const others = [...lastFourWeeks.entries()].filter(
      ([id]) =>
        ![...school.cast.towardSixteen, ...school.cast.longAbsent, ...school.cast.routeX].includes(id),
    );
    expect(others.filter(([, minutes]) => minutes >= 16 * 60).length).toBeLessThan(10);
  });

  it('has a student absent from every lesson for more than four school weeks', () => {
    const [id] = school.cast.longAbsent;
    const days = ofType('registration.upserted')
      .filter((e) => e.data.studentId === id)
      .reduce(
        (byDay, e) => byDay.set(e.data.date, (byDay.get(e.data.date) ?? true) && e.data.status === 'absent'),
        new Map<string, boolean>(),
      );
    const absentDays = [...days.entries()].filter(([, absent]) => absent).map(([d]) => d);
    expect(absentDays.length).toBeGreaterThanOrEqual(20);
    expect(absentDays.at(-1)).toBe(school.to);
  });

  it('has sickness reported by phone (by a parent under 18) and by e-mail', () => {
    const sick = ofType('registration.upserted').filter((e) => e.data.reason === 'sick');
    const channels = new Set(sick.map((e) => e.data.notice?.channel));
    expect(channels).toEqual(new Set(['phone', 'email']));
    const birth = new Map(ofType('student.upserted').map((e) => [e.data.studentId, e.data.birthDate]));
    const minorByStudent = sick.find(
      (e) => e.data.notice?.channel === 'phone' && (birth.get(e.data.studentId) ?? '') > '2008-12-01',
    );
    expect(minorByStudent?.data.notice?.reportedBy).toBe('parent');
    const longSick = sick.filter((e) => e.data.studentId === school.cast.longSick[0]);
    expect(new Set(longSick.map((e) => e.data.date)).size).toBeGreaterThanOrEqual(7);
  });

  it('has a Route-X student, students under 18 and students of 23 and older', () => {
    const students = ofType('student.upserted').map((e) => e.data);
    expect(students.filter((s) => s.routeX).length).toBeGreaterThanOrEqual(1);
    const age = (birth: string) => {
      const years = 2026 - Number(birth.slice(0, 4));
      return '11-28' < birth.slice(5) ? years - 1 : years;
    };
    expect(students.filter((s) => age(s.birthDate) < 18).length).toBeGreaterThan(60);
    expect(students.filter((s) => age(s.birthDate) >= 23).length).toBeGreaterThan(20);
    expect(students.filter((s) => age(s.birthDate) < 18).every((s) => s.guardianEmail !== undefined)).toBe(
      true,
    );
  });

  it('has corrections at a higher revision, a deleted lesson, a severe-weather notice and a leaver', () => {
    const corrections = ofType('registration.upserted').filter((e) => e.data.revision > 0);
    expect(corrections.length).toBeGreaterThan(0);
    const positionOf = new Map(all.map((e, i) => [e, i]));
    const firstOf = new Map<string, number>();
    for (const e of ofType('registration.upserted')) {
      if (e.data.revision === 0) firstOf.set(e.data.registrationId, positionOf.get(e) ?? -1);
    }
    for (const c of corrections) {
      expect(firstOf.get(c.data.registrationId)).toBeLessThan(positionOf.get(c) ?? -1);
    }
    const deleted = ofType('registration.deleted');
    expect(deleted.length).toBeGreaterThan(0);
    for (const d of deleted) expect(firstOf.has(d.data.registrationId)).toBe(true);
    expect(ofType('portal.notice').map((e) => e.data.date)).toEqual([school.severeWeatherDate]);
    expect(ofType('student.left').map((e) => e.data.studentId)).toEqual(school.cast.left);
  });
});
