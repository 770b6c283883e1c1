/**
 * Domain benchmark (issue 2): classification throughput, and the nightly evaluation of a whole
 * school. Prints figures next to the targets; never asserts (timings are not tests).
 *
 *   classification  >= 1,000,000 registrations/s
 *   evaluation      40,000 students x 12 school weeks of day summaries: < 1 s and < 512 MiB
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { defaultCalendar } from '../../shared/calendar';
import {
  type ClassifyContext,
  classify,
  type DaySummary,
  evaluateStudent,
  initialSignalState,
  type Notice,
  profileFor,
  REASONS,
  type RegistrationFacts,
  type RegistrationStatus,
  type StudentFacts,
} from '../../shared/policy';

const REGISTRATIONS = 1_000_000;
const CHUNK = 50_000;
const STUDENTS = 40_000;
const WEEKS = 12;
const AS_OF = '2026-12-18';

/** Small deterministic PRNG (mulberry32), so every run measures the same school. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const verdict = (ok: boolean) => (ok ? 'OK ' : 'MISS');
/** CPU milliseconds of this process (all threads, so GC included); on a busy machine wall time lies. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const load = () => `load average ${(loadavg()[0] ?? 0).toFixed(1)}`;

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: the benchmark's data: one loop drawing each registration's fields from one seeded PRNG in a fixed order; split, the draw order (and so the data compared across runs) is easily changed by accident
function generateRegistrations(
  random: () => number,
  dates: readonly string[],
  count: number,
  offset: number,
): { reg: RegistrationFacts; ctx: ClassifyContext }[] {
  const statuses: RegistrationStatus[] = [
    'present',
    'present',
    'present',
    'present',
    'absent',
    'late',
    'left_early',
  ];
  const channels: Notice['channel'][] = ['phone', 'email', 'desk', 'none'];
  const reporters: Notice['reportedBy'][] = ['student', 'parent', 'coach', 'front_office', 'employer'];
  const births = ['2004-02-29', '2006-10-25', '2008-11-10', '2010-03-29', '2011-07-31'];
  const severeWeatherDates = new Set([dates[3] as string, dates[40] as string]);
  const contexts = births.map((birthDate) => ({ birthDate, severeWeatherDates }));
  const out: { reg: RegistrationFacts; ctx: ClassifyContext }[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const status = statuses[Math.floor(random() * statuses.length)] as RegistrationStatus;
    const hour = 8 + Math.floor(random() * 8);
    const reg: RegistrationFacts = {
      registrationId: `reg-${offset + i}`,
      revision: 0,
      studentId: `stu-${(offset + i) % STUDENTS}`,
      date: dates[Math.floor(random() * dates.length)] as string,
      start: `${hour < 10 ? '0' : ''}${hour}:00`,
      end: `${hour + 1 < 10 ? '0' : ''}${hour + 1}:${random() < 0.5 ? '00' : '30'}`,
      status,
    };
    if (status === 'late' || status === 'left_early') reg.minutesMissed = 1 + Math.floor(random() * 60);
    if (status !== 'present' && random() < 0.7) {
      reg.reason = REASONS[Math.floor(random() * REASONS.length)];
      reg.notice = {
        channel: channels[Math.floor(random() * channels.length)] as Notice['channel'],
        reportedBy: reporters[Math.floor(random() * reporters.length)] as Notice['reportedBy'],
        proof: random() < 0.5,
        ...(random() < 0.2 ? { approvedBy: random() < 0.5 ? 'coach' : 'manager' } : {}),
        ...(random() < 0.1 ? { beforeExam: true } : {}),
      };
      if (random() < 0.05) reg.decision = random() < 0.5 ? 'authorized' : 'unauthorized';
    }
    out[i] = { reg, ctx: contexts[Math.floor(random() * contexts.length)] as ClassifyContext };
  }
  return out;
}

function benchClassification(dates: readonly string[]): void {
  const random = prng(1);
  let elapsed = 0;
  let cpu = 0;
  let unauthorized = 0;
  for (let done = 0; done < REGISTRATIONS; done += CHUNK) {
    const batch = generateRegistrations(random, dates, Math.min(CHUNK, REGISTRATIONS - done), done);
    const t0 = performance.now();
    const c0 = cpuMs();
    for (const { reg, ctx } of batch) if (classify(reg, ctx).kind === 'unauthorized') unauthorized++;
    elapsed += performance.now() - t0;
    cpu += cpuMs() - c0;
  }
  const rate = REGISTRATIONS / (elapsed / 1000);
  const cpuRate = REGISTRATIONS / (cpu / 1000);
  console.log(
    `classify      ${REGISTRATIONS.toLocaleString('en')} registrations: wall ${elapsed.toFixed(0)} ms = ` +
      `${Math.round(rate).toLocaleString('en')}/s ${verdict(rate >= 1_000_000)}, CPU ${cpu.toFixed(0)} ms = ` +
      `${Math.round(cpuRate).toLocaleString('en')}/s ${verdict(cpuRate >= 1_000_000)} (target >= 1,000,000/s)` +
      `  [${unauthorized.toLocaleString('en')} unauthorized]`,
  );
}

/** A student's 12 weeks: most attend, some skip hours, some truant for weeks, some fall sick. */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: the benchmark's data: one loop drawing each student's days from one seeded PRNG in a fixed order; split, the draw order (and so the data compared across runs) is easily changed by accident
function generateSchool(dates: readonly string[]): { student: StudentFacts; days: DaySummary[] }[] {
  const random = prng(2);
  const school: { student: StudentFacts; days: DaySummary[] }[] = new Array(STUDENTS);
  for (let s = 0; s < STUDENTS; s++) {
    const profile = random();
    const student: StudentFacts = {
      studentId: `stu-${s}`,
      birthDate: `${2003 + Math.floor(random() * 9)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      teamId: `team-${s % 400}`,
      coachId: `coach-${s % 1600}`,
      level: '3',
      pathway: 'BOL',
      routeX: s % 50 === 0,
      startQualification: random() < 0.1,
      enrolledFrom: '2025-08-18',
    };
    const days: DaySummary[] = new Array(dates.length);
    for (let i = 0; i < dates.length; i++) {
      const lessons = 4 + Math.floor(random() * 5);
      const r = random();
      let unauthorizedMinutes = 0;
      let unauthorizedAbsentLessons = 0;
      let unauthorizedLateOrEarly = 0;
      let sick = false;
      if (profile < 0.05 || (profile < 0.25 && r < 0.15)) {
        unauthorizedAbsentLessons = profile < 0.05 ? lessons : 1 + Math.floor(random() * lessons);
        unauthorizedMinutes = unauthorizedAbsentLessons * 60;
      } else if (r < 0.05) {
        unauthorizedLateOrEarly = 1;
        unauthorizedMinutes = 5 + Math.floor(random() * 30);
      } else if (r < 0.08 || (profile > 0.97 && r < 0.6)) {
        sick = true;
      }
      days[i] = {
        date: dates[i] as string,
        lessons,
        lessonMinutes: lessons * 60,
        unauthorizedMinutes,
        authorizedMinutes: sick ? lessons * 60 : 0,
        unauthorizedAbsentLessons,
        unauthorizedLateOrEarly,
        sick,
      };
    }
    school[s] = { student, days };
  }
  return school;
}

function benchEvaluation(dates: readonly string[]): void {
  const t0 = performance.now();
  const school = generateSchool(dates);
  const generated = performance.now() - t0;
  const heapBefore = process.memoryUsage().heapUsed;
  // Best of three passes over the same school: the first also pays for compiling the code.
  let elapsed = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  let counts: Record<string, number> = {};
  for (let pass = 0; pass < 3; pass++) {
    counts = {};
    const t1 = performance.now();
    const c1 = cpuMs();
    for (const { student, days } of school) {
      const { signals } = evaluateStudent({
        student,
        days,
        state: initialSignalState,
        asOf: AS_OF,
        calendar: defaultCalendar,
        profile: profileFor(student),
      });
      for (const signal of signals) counts[signal.kind] = (counts[signal.kind] ?? 0) + 1;
    }
    elapsed = Math.min(elapsed, performance.now() - t1);
    cpu = Math.min(cpu, cpuMs() - c1);
  }
  const heapAfter = process.memoryUsage().heapUsed;
  const peak = peakRss();
  console.log(
    `evaluate      ${STUDENTS.toLocaleString('en')} students x ${dates.length} school days (${WEEKS} weeks), best of 3: ` +
      `wall ${elapsed.toFixed(0)} ms ${verdict(elapsed < 1000)}, CPU ${cpu.toFixed(0)} ms ${verdict(cpu < 1000)} ` +
      `(target < 1000 ms); ${Math.round(STUDENTS / (elapsed / 1000)).toLocaleString('en')} students/s`,
  );
  console.log(
    `memory        peak RSS ${mib(peak)} (target < 512 MiB) ${verdict(peak < 512 * 1024 * 1024)}; ` +
      `heap ${mib(heapBefore)} -> ${mib(heapAfter)}; school generated in ${generated.toFixed(0)} ms`,
  );
  console.log(`signals       ${JSON.stringify(counts)}`);
}

export function run(): Promise<void> {
  const window = defaultCalendar.schoolWeeksEndingOn(AS_OF, WEEKS);
  const dates = defaultCalendar.lastSchoolDays(AS_OF, 5 * WEEKS).filter((d) => d >= window.from);
  console.log(
    `school weeks  ${window.from} .. ${AS_OF}: ${window.weeks.length} weeks, ${dates.length} school days`,
  );
  benchClassification(dates);
  benchEvaluation(dates);
  const wall = performance.now();
  console.log(
    `wall time     ${(wall / 1000).toFixed(1)} s since start; peak RSS ${mib(peakRss())}; ${load()}`,
  );
  console.log(
    '              (wall figures count other processes too on a busy machine: compare CPU with the target)',
  );
  return Promise.resolve();
}
