/**
 * A demo school as the presence system would push it: the organisation, staff and students,
 * then eight school weeks of lesson registrations ending on the last school day before `today`.
 * Deterministic (seeded), so that screenshots, tests and bug reports agree on who is who.
 *
 * Most students are mostly present; a cast of students shows each pattern the policy acts on,
 * named in `cast` so tests and demos can find them.
 */
import { defaultCalendar } from '../../shared/calendar';
import { addDays, toDay, weekday } from '../../shared/calendar/dates';
import type {
  EventOf,
  PresenceEvent,
  RegistrationData,
  StaffRole,
  StudentData,
} from '../../shared/contract/events';
import type { IsoDate, Level, Notice, Reason } from '../../shared/policy/types';
import { FIRST_NAMES, LAST_NAMES } from './demo-names';
import { type Random, seeded } from './prng';

export interface DemoOptions {
  /** The day the demo is looked at; registrations end on the last school day before it. */
  today: IsoDate;
  seed?: number;
  /** Students in the whole school (spread over 12 teams). */
  students?: number;
  /** School weeks of registrations. */
  weeks?: number;
  calendar?: { isSchoolDay(d: IsoDate): boolean };
}

/** Students chosen to show a pattern, by student id. */
export interface DemoCast {
  /** Unauthorized absence growing past 8 hours, staying under 16 in four school weeks. */
  towardEight: string[];
  /** Unauthorized absence growing past 16 hours within the last four school weeks. */
  towardSixteen: string[];
  /** Absent from every lesson for more than four school weeks. */
  longAbsent: string[];
  /** Route-X students (another hour norm); the first is often absent. */
  routeX: string[];
  /** Report sickness by phone (authorized), several times. */
  sickByPhone: string[];
  /** Report sickness by e-mail, which the policy does not accept. */
  sickByEmail: string[];
  /** Sick from the seventh consecutive school day. */
  longSick: string[];
  /** Left school during the period, without a diploma. */
  left: string[];
}

export interface DemoSchool {
  from: IsoDate;
  to: IsoDate;
  schoolDays: IsoDate[];
  /** Organisation units, staff and students. */
  roster: PresenceEvent[];
  /** Registrations, corrections, a deletion, a portal notice, a student leaving; in time order. */
  activity: PresenceEvent[];
  cast: DemoCast;
  severeWeatherDate: IsoDate;
  staff: { staffId: string; name: string; email: string; roles: StaffRole[]; orgUnitIds: string[] }[];
}

/** Splits events into webhook deliveries: the roster first, then activity, at most `size` each. */
export function demoBatches(school: DemoSchool, size = 500): PresenceEvent[][] {
  const batches: PresenceEvent[][] = [];
  for (const part of [school.roster, school.activity]) {
    for (let i = 0; i < part.length; i += size) batches.push(part.slice(i, i + size));
  }
  return batches;
}

interface TeamPlan {
  id: string;
  name: string;
  departmentId: string;
  level: Level;
  pathway: 'BOL' | 'BBL';
  coachIds: string[];
}

// Ids differ from the contract's examples (`inst`, `dep-tech`, ...), so that sending those to
// a system with the demo school adds to it instead of renaming or re-parenting its units.
const DEPARTMENTS = [
  { id: 'afd-techniek', name: 'Techniek' },
  { id: 'afd-zorg', name: 'Zorg en Welzijn' },
  { id: 'afd-economie', name: 'Economie en Ondernemen' },
] as const;

const TEAMS: Omit<TeamPlan, 'coachIds'>[] = [
  { id: 'team-ict-4', name: 'ICT niveau 4', departmentId: 'afd-techniek', level: '4', pathway: 'BOL' },
  {
    id: 'team-mech-3',
    name: 'Mechatronica niveau 3',
    departmentId: 'afd-techniek',
    level: '3',
    pathway: 'BOL',
  },
  {
    id: 'team-bouw-2',
    name: 'Bouw niveau 2 (BBL)',
    departmentId: 'afd-techniek',
    level: '2',
    pathway: 'BBL',
  },
  {
    id: 'team-entree-tech',
    name: 'Entree Techniek',
    departmentId: 'afd-techniek',
    level: 'entree',
    pathway: 'BOL',
  },
  { id: 'team-vig-3', name: 'Verzorgende IG niveau 3', departmentId: 'afd-zorg', level: '3', pathway: 'BOL' },
  {
    id: 'team-pw-4',
    name: 'Pedagogisch werk niveau 4',
    departmentId: 'afd-zorg',
    level: '4',
    pathway: 'BOL',
  },
  {
    id: 'team-hzw-2',
    name: 'Helpende Zorg en Welzijn niveau 2',
    departmentId: 'afd-zorg',
    level: '2',
    pathway: 'BOL',
  },
  {
    id: 'team-sport-4',
    name: 'Sport en bewegen niveau 4',
    departmentId: 'afd-zorg',
    level: '4',
    pathway: 'BOL',
  },
  { id: 'team-com-4', name: 'Commercie niveau 4', departmentId: 'afd-economie', level: '4', pathway: 'BOL' },
  { id: 'team-log-2', name: 'Logistiek niveau 2', departmentId: 'afd-economie', level: '2', pathway: 'BOL' },
  { id: 'team-retail-3', name: 'Retail niveau 3', departmentId: 'afd-economie', level: '3', pathway: 'BOL' },
  {
    id: 'team-entree-eco',
    name: 'Entree Economie',
    departmentId: 'afd-economie',
    level: 'entree',
    pathway: 'BOL',
  },
];

interface Lesson {
  start: string;
  end: string;
  minutes: number;
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A team's week: 4-6 lessons of 45-90 minutes a day; BBL students come to school one day a week. */
function timetable(random: Random, pathway: 'BOL' | 'BBL'): Lesson[][] {
  const week: Lesson[][] = [];
  const bblDay = random.int(0, 4);
  for (let day = 0; day < 5; day++) {
    if (pathway === 'BBL' && day !== bblDay) {
      week.push([]);
      continue;
    }
    const count = random.int(4, 6);
    let at = 8 * 60 + 30;
    const lessons: Lesson[] = [];
    for (let i = 0; i < count; i++) {
      const minutes = random.pick([45, 60, 60, 90, 90]);
      lessons.push({ start: hhmm(at), end: hhmm(at + minutes), minutes });
      at += minutes + (i === 2 ? 30 : 15);
    }
    week.push(lessons);
  }
  return week;
}

/** `+01:00` or `+02:00`: Amsterdam's offset on a date (school hours never straddle a DST change). */
function amsterdamOffset(date: IsoDate): string {
  const noon = new Date(`${date}T12:00:00Z`);
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    hourCycle: 'h23',
  }).format(noon);
  const hours = Number(local) - 12;
  return `${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`;
}

type Plan =
  | 'regular'
  | 'towardEight'
  | 'towardSixteen'
  | 'longAbsent'
  | 'routeXAbsent'
  | 'sickByPhone'
  | 'sickByEmail'
  | 'longSick';

interface StudentPlan {
  data: StudentData;
  plan: Plan;
  adult: boolean;
  leftOn?: IsoDate;
}

/** What happens to one student in one lesson, before it becomes a registration. */
type Outcome = Pick<RegistrationData, 'status' | 'minutesMissed' | 'reason' | 'notice'>;

const PRESENT: Outcome = { status: 'present' };

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: the demo school's generator: each section draws from its seeded PRNG fork in a fixed order, and the same seed must give the same school; a split is a follow-up that must keep every draw in order
export function generateDemoSchool(options: DemoOptions): DemoSchool {
  const seed = options.seed ?? 20261128;
  const studentCount = options.students ?? 600;
  const weeks = options.weeks ?? 8;
  const calendar = options.calendar ?? defaultCalendar;
  const root = seeded(seed);

  // ---- the period: `weeks` school weeks ending on the last school day before today ----
  let to = addDays(options.today, -1);
  for (let guard = 0; !calendar.isSchoolDay(to); guard++) {
    if (guard > 120) throw new Error(`no school day in the 120 days before ${options.today}`);
    to = addDays(to, -1);
  }
  const schoolDays: IsoDate[] = [];
  let weeksSeen = 0;
  let currentWeekMonday = -1;
  for (let d = to; weeksSeen <= weeks; d = addDays(d, -1)) {
    if (!calendar.isSchoolDay(d)) {
      if (toDay(to) - toDay(d) > 7 * weeks * 3) break;
      continue;
    }
    const monday = toDay(d) - weekday(toDay(d));
    if (monday !== currentWeekMonday) {
      weeksSeen++;
      currentWeekMonday = monday;
      if (weeksSeen > weeks) break;
    }
    schoolDays.unshift(d);
  }
  const from = schoolDays[0] ?? to;
  // Enrolled from the start of the school year (late August), second-years a year earlier.
  const fromYear = Number(from.slice(0, 4));
  const yearStart = `${Number(from.slice(5, 7)) >= 8 ? fromYear : fromYear - 1}-08-24`;
  const schoolYearStart = yearStart < from ? yearStart : from;
  const rosterAt = `${addDays(from, -1)}T07:00:00${amsterdamOffset(addDays(from, -1))}`;
  let sequence = 0;
  const envelope = <T extends PresenceEvent['type']>(
    type: T,
    occurredAt: string,
    data: EventOf<T>['data'],
  ): EventOf<T> => ({ id: `demo-${type.split('.')[0]}-${++sequence}`, type, occurredAt, data }) as EventOf<T>;

  // ---- organisation and staff ----
  const roster: PresenceEvent[] = [];
  const staff: DemoSchool['staff'] = [];
  const names = root.fork('names');
  const usedNames = new Set<string>();
  const personName = () => {
    for (;;) {
      const first = names.pick(FIRST_NAMES);
      const last = names.pick(LAST_NAMES);
      const full = `${first} ${last}`;
      if (!usedNames.has(full)) {
        usedNames.add(full);
        return { first, last, full };
      }
    }
  };
  const staffEmail = (first: string, last: string) =>
    `${first}.${last.replaceAll(' ', '')}@school.example`.toLowerCase();
  const addStaff = (staffId: string, roles: StaffRole[], orgUnitIds: string[]) => {
    const { first, last } = personName();
    const member = {
      staffId,
      name: `${first[0]}. ${last}`,
      email: staffEmail(first, last),
      roles,
      orgUnitIds,
    };
    staff.push(member);
    roster.push(envelope('staff.upserted', rosterAt, member));
  };

  roster.push(
    envelope('orgunit.upserted', rosterAt, {
      orgUnitId: 'roc',
      name: 'ROC De Leijgraaf (demo)',
      kind: 'institution',
      parentId: null,
    }),
  );
  for (const dep of DEPARTMENTS) {
    roster.push(
      envelope('orgunit.upserted', rosterAt, {
        orgUnitId: dep.id,
        name: dep.name,
        kind: 'department',
        parentId: 'roc',
      }),
    );
  }
  const teams: TeamPlan[] = [];
  for (const [index, team] of TEAMS.entries()) {
    roster.push(
      envelope('orgunit.upserted', rosterAt, {
        orgUnitId: team.id,
        name: team.name,
        kind: 'team',
        parentId: team.departmentId,
      }),
    );
    // Half the teams share the coaching between two coaches.
    const coachIds =
      index % 2 === 0 ? [`coach-${index + 1}a`, `coach-${index + 1}b`] : [`coach-${index + 1}a`];
    teams.push({ ...team, coachIds });
  }
  for (const team of teams) for (const coachId of team.coachIds) addStaff(coachId, ['coach'], [team.id]);
  for (const dep of DEPARTMENTS) addStaff(`om-${dep.id.slice(4)}`, ['manager'], [dep.id]);
  addStaff('vb-1', ['attendance_officer'], ['roc']);
  addStaff('fo-1', ['front_office'], ['roc']);
  addStaff('fo-2', ['front_office'], ['roc']);
  addStaff('admin-1', ['admin'], ['roc']);

  // ---- students ----
  const people = root.fork('students');
  const students: StudentPlan[] = [];
  const toDate = (year: number, dayOfYear: number) => addDays(`${year}-01-01`, dayOfYear);
  const todayYear = Number(options.today.slice(0, 4));
  for (let i = 0; i < studentCount; i++) {
    const team = teams[i % teams.length] as TeamPlan;
    const { first, last } = personName();
    const studentId = String(200001 + i);
    // Ages: about a quarter under 18, a tenth 23 or older, the rest in between.
    const band = people.next();
    const age = band < 0.25 ? people.int(16, 17) : band < 0.9 ? people.int(18, 22) : people.int(23, 30);
    const birthDate = toDate(todayYear - age - 1, people.int(0, 364));
    const adult = age >= 18;
    const secondYear = people.chance(0.4);
    const data: StudentData = {
      studentId,
      displayName: `${first} ${last}`,
      email: `${studentId}@student.school.example`,
      birthDate,
      teamId: team.id,
      coachId: people.pick(team.coachIds),
      level: team.level,
      pathway: team.pathway,
      routeX: false,
      startQualification: adult && people.chance(0.2),
      enrolledFrom: secondYear ? addDays(schoolYearStart, -364) : schoolYearStart,
      enrolledUntil: null,
    };
    if (!adult) data.guardianEmail = `ouder.${studentId}@mail.example`;
    students.push({ data, plan: 'regular', adult });
  }

  // ---- the cast: chosen from the regular students, spread over the teams ----
  const cast: DemoCast = {
    towardEight: [],
    towardSixteen: [],
    longAbsent: [],
    routeX: [],
    sickByPhone: [],
    sickByEmail: [],
    longSick: [],
    left: [],
  };
  const chooser = root.fork('cast');
  const choose = (count: number, plan: Plan, filter: (s: StudentPlan) => boolean = () => true) => {
    const chosen: StudentPlan[] = [];
    const pool = students.filter((s) => s.plan === 'regular' && s.data.pathway === 'BOL' && filter(s));
    while (chosen.length < count && pool.length > 0) {
      const [student] = pool.splice(chooser.int(0, pool.length - 1), 1) as [StudentPlan];
      student.plan = plan;
      chosen.push(student);
    }
    return chosen;
  };
  // The cast grows with the school (numbers for 600 students), at least one of each.
  const share = (n: number) => Math.max(1, Math.round((n * studentCount) / 600));
  cast.towardEight = choose(share(12), 'towardEight').map((s) => s.data.studentId);
  cast.towardSixteen = choose(share(8), 'towardSixteen').map((s) => s.data.studentId);
  cast.longAbsent = choose(2, 'longAbsent', (s) => s.adult).map((s) => s.data.studentId);
  const entreeOrTwo = (s: StudentPlan) => s.data.level === 'entree' || s.data.level === '2';
  const routeX = [...choose(1, 'routeXAbsent', entreeOrTwo), ...choose(share(4), 'regular', entreeOrTwo)];
  for (const s of routeX) s.data.routeX = true;
  cast.routeX = routeX.map((s) => s.data.studentId);
  cast.sickByPhone = choose(share(4), 'sickByPhone').map((s) => s.data.studentId);
  cast.sickByEmail = choose(share(4), 'sickByEmail', (s) => s.adult).map((s) => s.data.studentId);
  cast.longSick = choose(1, 'longSick').map((s) => s.data.studentId);
  // One of the long absentees stops coming and is written out in the last week.
  const leaver = students.find((s) => s.data.studentId === cast.longAbsent[1]);
  if (leaver && schoolDays.length > 5) {
    leaver.leftOn = schoolDays[schoolDays.length - 3];
    cast.left.push(leaver.data.studentId);
  }
  for (const s of students) {
    roster.push(envelope('student.upserted', rosterAt, s.data));
  }

  // ---- timetables and special days ----
  const lessonsByTeam = new Map(
    teams.map((t) => [t.id, timetable(root.fork(`timetable:${t.id}`), t.pathway)]),
  );
  const severeWeatherDate = schoolDays[Math.floor(schoolDays.length / 2)] ?? from;
  const lastFourWeeksFrom = schoolDays[Math.max(0, schoolDays.length - 20)] ?? from;
  const longAbsenceFrom = schoolDays[Math.max(0, schoolDays.length - 25)] ?? from;
  const offsets = new Map(schoolDays.map((d) => [d, amsterdamOffset(d)]));
  const at = (date: IsoDate, time: string) =>
    `${date}T${time}:00${offsets.get(date) ?? amsterdamOffset(date)}`;

  const activity: { at: string; event: PresenceEvent }[] = [];
  const push = (occurredAt: string, event: PresenceEvent) => activity.push({ at: occurredAt, event });
  push(
    at(severeWeatherDate, '06:00'),
    envelope('portal.notice', at(severeWeatherDate, '06:00'), {
      date: severeWeatherDate,
      kind: 'severe_weather',
      text: 'Code rood: het openbaar vervoer rijdt beperkt. Blijf thuis als je niet veilig kunt reizen.',
    }),
  );

  const phoneNotice = (s: StudentPlan): Notice => ({
    channel: 'phone',
    reportedBy: s.adult ? 'student' : 'parent',
    proof: false,
  });

  /**
   * Whole days sick or truant, and days on which the last `skip` lessons are skipped. Cast
   * members aim at a number of unauthorized minutes in the last four school weeks, so that
   * each crosses the threshold it is meant to show, whatever its timetable.
   */
  type DayPlan = { kind: 'sick' } | { kind: 'truant' } | { kind: 'skip'; lessons: number };
  const SICK: DayPlan = { kind: 'sick' };
  const TRUANT: DayPlan = { kind: 'truant' };
  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: the demo school's generator: each section draws from its seeded PRNG fork in a fixed order, and the same seed must give the same school; a split is a follow-up that must keep every draw in order
  const daysOff = (s: StudentPlan, random: Random, week: Lesson[][]): Map<IsoDate, DayPlan> => {
    const plan = new Map<IsoDate, DayPlan>();
    const recent = schoolDays.filter((d) => d >= lastFourWeeksFrom);
    const lessonsOn = (d: IsoDate) => week[weekday(toDay(d))] ?? [];
    const pickDays = (days: IsoDate[], n: number) => {
      const pool = days.filter((d) => !plan.has(d) && lessonsOn(d).length > 0);
      const out: IsoDate[] = [];
      while (out.length < n && pool.length > 0) out.push(...pool.splice(random.int(0, pool.length - 1), 1));
      return out;
    };
    /** Truant days and skipped last lessons until `target` minutes are reached. */
    const aimAt = (target: number, wholeDays: number) => {
      let total = 0;
      for (const d of pickDays(recent, wholeDays)) {
        const minutes = lessonsOn(d).reduce((sum, l) => sum + l.minutes, 0);
        if (total + minutes > target) continue;
        plan.set(d, TRUANT);
        total += minutes;
      }
      while (total < target) {
        const [d] = pickDays(recent, 1);
        if (!d) break;
        const lessons = lessonsOn(d);
        let skip = 0;
        while (skip < lessons.length - 1 && total < target) {
          total += (lessons[lessons.length - 1 - skip] as Lesson).minutes;
          skip++;
        }
        plan.set(d, { kind: 'skip', lessons: skip });
      }
    };
    switch (s.plan) {
      case 'towardEight':
        aimAt(random.int(540, 720), 1);
        break;
      case 'towardSixteen':
      case 'routeXAbsent':
        aimAt(random.int(1020, 1320), 2);
        break;
      case 'longAbsent':
        for (const d of schoolDays) if (d >= longAbsenceFrom) plan.set(d, TRUANT);
        break;
      case 'sickByPhone': {
        // Four short spells spread over the period: the repeated-sickness pattern.
        const quarter = Math.floor(schoolDays.length / 4);
        for (let q = 0; q < 4; q++) {
          const start = q * quarter + random.int(0, Math.max(0, quarter - 2));
          const length = random.int(1, 2);
          for (let k = 0; k < length; k++) {
            const d = schoolDays[start + k];
            if (d) plan.set(d, SICK);
          }
        }
        break;
      }
      case 'sickByEmail':
        for (const d of pickDays(schoolDays, 2)) plan.set(d, SICK);
        break;
      case 'longSick':
        for (const d of schoolDays.slice(-12, -2)) plan.set(d, SICK);
        break;
      default:
        // Everyone gets sick now and then: about one short spell in the period.
        if (random.chance(0.6)) {
          const start = random.int(0, Math.max(0, schoolDays.length - 3));
          const length = random.int(1, 3);
          for (let k = 0; k < length; k++) {
            const d = schoolDays[start + k];
            if (d) plan.set(d, SICK);
          }
        }
        if (random.chance(0.08)) for (const d of pickDays(schoolDays, 1)) plan.set(d, TRUANT);
    }
    return plan;
  };

  // ---- registrations ----
  const corrections: { at: string; event: PresenceEvent }[] = [];
  for (const s of students) {
    const random = root.fork(`student:${s.data.studentId}`);
    const week = lessonsByTeam.get(s.data.teamId) ?? [];
    const plan = daysOff(s, random, week);
    // Only regular students add random noise; the cast shows its pattern and nothing else.
    const regular = s.plan === 'regular';
    const sickNotice: Notice =
      s.plan === 'sickByEmail' ? { channel: 'email', reportedBy: 'student', proof: false } : phoneNotice(s);
    // Regular students: punctual or a bit sloppy, so lateness is not evenly spread.
    const lateRate = regular ? random.pick([0.005, 0.01, 0.02, 0.05]) : 0;
    for (const date of schoolDays) {
      if (s.leftOn && date > s.leftOn) break;
      const lessons = week[weekday(toDay(date))] ?? [];
      const dayPlan = plan.get(date);
      const weatherAbsent = regular && date === severeWeatherDate && random.chance(0.08);
      const compact = date.replaceAll('-', '');
      // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: the demo school's generator: each section draws from its seeded PRNG fork in a fixed order, and the same seed must give the same school; a split is a follow-up that must keep every draw in order
      lessons.forEach((lesson, index) => {
        let outcome: Outcome = PRESENT;
        if (dayPlan?.kind === 'sick') outcome = { status: 'absent', reason: 'sick', notice: sickNotice };
        else if (dayPlan?.kind === 'truant') outcome = { status: 'absent' };
        else if (dayPlan?.kind === 'skip' && index >= lessons.length - dayPlan.lessons)
          outcome = { status: 'absent' };
        else if (weatherAbsent) {
          outcome = {
            status: 'absent',
            reason: 'severe_weather',
            notice: { channel: 'phone', reportedBy: s.adult ? 'student' : 'parent', proof: false },
          };
        } else if (index === 0 && random.chance(lateRate)) {
          const missed = Math.min(lesson.minutes, random.pick([5, 10, 10, 15, 20, 30]));
          const reason: Reason = random.chance(0.7) ? 'late_transport' : 'unknown';
          outcome = { status: 'late', minutesMissed: missed, reason };
        } else if (regular && index === lessons.length - 1 && random.chance(0.004)) {
          outcome = {
            status: 'left_early',
            minutesMissed: Math.min(lesson.minutes, 30),
            reason: 'medical_appointment',
            notice: { channel: 'email', reportedBy: s.adult ? 'student' : 'parent', proof: true },
          };
        } else if (regular && random.chance(0.002)) outcome = { status: 'absent' };

        const registrationId = `reg-${s.data.studentId}-${compact}-${index + 1}`;
        const data: RegistrationData = {
          registrationId,
          revision: 0,
          studentId: s.data.studentId,
          date,
          start: lesson.start,
          end: lesson.end,
          ...outcome,
        };
        const recordedAt = at(
          date,
          hhmm(Number(lesson.start.slice(0, 2)) * 60 + Number(lesson.start.slice(3)) + 5),
        );
        push(recordedAt, envelope('registration.upserted', recordedAt, data));

        // Some unexplained absences are explained a day or two later: a correction with proof.
        if (
          outcome.status === 'absent' &&
          outcome.reason === undefined &&
          s.plan === 'regular' &&
          random.chance(0.3)
        ) {
          const laterDay =
            schoolDays[Math.min(schoolDays.length - 1, schoolDays.indexOf(date) + random.int(1, 2))];
          const correctedAt = laterDay && laterDay !== date ? at(laterDay, '10:00') : at(date, '17:30');
          corrections.push({
            at: correctedAt,
            event: envelope('registration.upserted', correctedAt, {
              ...data,
              revision: 1,
              reason: 'medical_appointment',
              notice: { channel: 'email', reportedBy: s.adult ? 'student' : 'parent', proof: true },
            }),
          });
        }
      });
    }
    if (s.leftOn) {
      const leftAt = at(s.leftOn, '16:00');
      push(
        leftAt,
        envelope('student.left', leftAt, {
          studentId: s.data.studentId,
          date: s.leftOn,
          diplomaObtained: false,
          reason: 'Uitgeschreven na langdurig verzuim',
        }),
      );
    }
  }

  // One lesson was dropped from the timetable afterwards: its registrations are deleted.
  const droppedDay = schoolDays[schoolDays.length - 4];
  const droppedTeam = teams.find(
    (t) => t.pathway === 'BOL' && (lessonsByTeam.get(t.id)?.[0]?.length ?? 0) > 0,
  );
  if (droppedDay && droppedTeam) {
    const lessons = lessonsByTeam.get(droppedTeam.id)?.[weekday(toDay(droppedDay))] ?? [];
    const last = lessons.length;
    if (last > 0) {
      const deletedAt = at(droppedDay, '17:00');
      for (const s of students) {
        if (s.data.teamId !== droppedTeam.id || (s.leftOn && droppedDay > s.leftOn)) continue;
        corrections.push({
          at: deletedAt,
          event: envelope('registration.deleted', deletedAt, {
            registrationId: `reg-${s.data.studentId}-${droppedDay.replaceAll('-', '')}-${last}`,
            revision: 1,
          }),
        });
      }
    }
  }

  // Array sort is stable: within the same second, generation order stays.
  const ordered = activity.concat(corrections);
  ordered.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  return {
    from,
    to,
    schoolDays,
    roster,
    activity: ordered.map((item) => item.event),
    cast,
    severeWeatherDate,
    staff,
  };
}
