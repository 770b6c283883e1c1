/**
 * Issue #10, catching up and leavers: whatever a run finds at once, no reader gets the same kind
 * of mail twice from it, nothing is lost but 8-hour mails a report of the same run supersedes,
 * and nothing after a student's leaving date produces anything.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { TemplateId } from '../../functions/mail/templates';
import { TEMPLATE_KIND } from '../../functions/mail/templates';
import { batchMails, type MailDraft, type Superseding } from '../../functions/usecases/nightly/mail-batch';
import { listOpenReports } from '../../functions/usecases/reports/queries';
import { defaultCalendar } from '../../shared/calendar';
import { type DaySummary, evaluateStudent, initialSignalState, profileFor } from '../../shared/policy';
import { enrolledDays, enrolledSignals } from '../../shared/policy/enrolment';
import {
  type Harness,
  day as registeredDay,
  startHarness,
  studentEmail,
} from '../integration/nightly/harness';
import { leftEvent } from '../support/webhook';
import { day, schoolDays, student } from '../unit/policy/fixtures';

const AS_OF = '2026-10-16';
/** Six school weeks before the run (the autumn holiday starts after it). */
const WEEKS = schoolDays('2026-09-07', AS_OF);

// ---------------------------------------------------------------- the pure grouping

type Thing = {
  kind: 'signal8' | 'report16' | 'signal4w' | 'sick' | 'frequent' | 'withdrawn';
  from: number;
  length: number;
};

const studentArb = fc.record({
  coach: fc.constantFrom('c1', 'c2'),
  guardian: fc.option(fc.constantFrom('g1', 'g2'), { nil: undefined }),
  things: fc.array(
    fc.record({
      kind: fc.constantFrom('signal8', 'report16', 'signal4w', 'sick', 'frequent', 'withdrawn'),
      from: fc.nat({ max: WEEKS.length - 1 }),
      length: fc.integer({ min: 1, max: 20 }),
    }) as fc.Arbitrary<Thing>,
    { maxLength: 8 },
  ),
});

/** What the nightly effects draft for each thing, to whom (as `signal-effects.ts` does). */
type StudentArb = typeof studentArb extends fc.Arbitrary<infer T> ? T : never;

function draftsOf(students: StudentArb[], coachIsOfficer: boolean) {
  const officers = ['o1', ...(coachIsOfficer ? ['c1'] : [])];
  const drafts: MailDraft[] = [];
  const reports: Superseding[] = [];
  students.forEach((s, i) => {
    const studentId = `s${i}`;
    const studentName = `Student ${i}`;
    for (const t of s.things) {
      const period = {
        from: WEEKS[t.from] as string,
        to: WEEKS[Math.min(WEEKS.length - 1, t.from + t.length - 1)] as string,
      };
      const draft = <T extends TemplateId>(template: T, to: string, data: MailDraft<T>['data'], extra = {}) =>
        drafts.push({ template, to: `${to}@x.example`, studentId, period, data, ...extra } as MailDraft);
      const url = `https://p.example/#/${studentId}/${period.from}`;
      switch (t.kind) {
        case 'signal8':
          draft('signal8.student', studentId, { studentName, minutes: 480, ...period }, { signal8: true });
          if (s.guardian)
            draft(
              'signal8.guardian',
              s.guardian,
              { guardianOf: studentName, minutes: 480, ...period },
              { signal8: true },
            );
          break;
        case 'report16':
          reports.push({ studentId, period });
          draft('report16.coach', s.coach, {
            coachName: s.coach,
            studentName,
            minutes: 960,
            ...period,
            dueDate: period.to,
            url,
          });
          break;
        case 'signal4w':
          for (const o of officers)
            draft('signal4w.officer', o, { officerName: o, studentName, coachName: s.coach, ...period, url });
          draft('signal4w.coach', s.coach, { coachName: s.coach, studentName, ...period });
          break;
        case 'sick':
          draft('sick.coach', s.coach, { coachName: s.coach, studentName, ...period, url });
          break;
        case 'frequent':
          draft('frequent.student', studentId, { studentName, ...period });
          draft('frequent.coach', s.coach, { coachName: s.coach, studentName, ...period, url });
          break;
        case 'withdrawn':
          draft('withdrawn.coach', s.coach, { coachName: s.coach, studentName, ...period, url });
          break;
      }
    }
  });
  return { drafts, reports };
}

const superseded = (d: MailDraft, reports: Superseding[]) =>
  d.signal8 === true &&
  reports.some(
    (r) => r.studentId === d.studentId && r.period.from <= d.period.from && r.period.to >= d.period.to,
  );

describe('catching up (issue #10): one mail per reader and kind per run', () => {
  it('sends no kind of mail twice to one reader, and names every thing not superseded in the mail of its reader', () => {
    fc.assert(
      fc.property(
        fc.array(studentArb, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (students, coachIsOfficer) => {
          const { drafts, reports } = draftsOf(students, coachIsOfficer);
          const batches = batchMails(drafts, reports, AS_OF);
          const perReaderKind = batches.map(
            (b) => `${b.request.to.join()}|${TEMPLATE_KIND[b.request.template]}`,
          );
          expect(new Set(perReaderKind).size).toBe(perReaderKind.length);
          expect(new Set(batches.map((b) => b.request.id)).size).toBe(batches.length);

          for (const d of drafts) {
            const mail = batches.find(
              (b) =>
                b.request.to[0] === d.to && TEMPLATE_KIND[b.request.template] === TEMPLATE_KIND[d.template],
            );
            const items = mail ? [mail.request.data, ...(mail.request.also ?? [])] : [];
            const named = items.some(
              (i) =>
                'from' in i &&
                i.from === d.period.from &&
                i.to === d.period.to &&
                JSON.stringify(i).includes(`"Student ${d.studentId.slice(1)}"`),
            );
            if (superseded(d, reports)) {
              expect(items).not.toContainEqual(d.data);
            } else {
              // Told in its own template's words, or in the reader's other template of that kind.
              expect(named).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is the same whatever order the students were evaluated in (a rerun records the same mails)', () => {
    fc.assert(
      fc.property(
        fc.array(studentArb, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.nat(),
        (students, both, seed) => {
          const { drafts, reports } = draftsOf(students, both);
          const shuffled = [...drafts].sort(
            (a, b) => hash(`${seed}${JSON.stringify(a)}`) - hash(`${seed}${JSON.stringify(b)}`),
          );
          expect(batchMails(shuffled, [...reports].reverse(), AS_OF)).toEqual(
            batchMails(drafts, reports, AS_OF),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

function hash(s: string): number {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}

// ---------------------------------------------------------------- leavers, pure

describe('a student who has left (issue #10): nothing after the leaving date produces anything', () => {
  const truantDay = (date: string) =>
    day(date, { lessons: 4, unauthorizedMinutes: 480, unauthorizedAbsentLessons: 4 });

  it('signals the same whatever is registered after the last enrolled day, and nothing about a later day', () => {
    const absent = fc.subarray(WEEKS);
    fc.assert(
      fc.property(
        absent,
        absent,
        fc.nat({ max: WEEKS.length - 1 }),
        fc.boolean(),
        (a, b, leave, byEnrolment) => {
          const last = WEEKS[leave] as string;
          const leaver = byEnrolment ? { enrolledUntil: last } : { leftOn: last };
          // Same history up to the leaving date, anything after it.
          const before = a.filter((d) => d <= last);
          const one: DaySummary[] = [...before, ...a.filter((d) => d > last)].map(truantDay);
          const two: DaySummary[] = [...before, ...b.filter((d) => d > last)].map(truantDay);
          const facts = student();
          // As the nightly run does: only the enrolled days in, only signals within them out.
          const evaluate = (days: DaySummary[]) => {
            const result = evaluateStudent({
              student: facts,
              days: enrolledDays(days, leaver),
              state: initialSignalState,
              asOf: AS_OF,
              calendar: defaultCalendar,
              profile: profileFor(facts),
            });
            return { ...result, signals: enrolledSignals(result.signals, leaver) };
          };
          const first = evaluate(one);
          expect(evaluate(two)).toEqual(first);
          for (const s of first.signals) expect(s.period.to <= last).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------- through the real run

/** The kind of a sent mail, by its (Dutch) subject. */
function kindOf(subject: string): string {
  if (subject.startsWith('Je hebt')) return 'signal8';
  if (subject.includes('16-uursmelding')) return 'report16';
  if (subject.includes('4-wekensignaal') || subject.startsWith('Ter informatie')) return 'signal4w';
  if (subject.startsWith('Gesprek gevraagd')) return 'sick';
  if (subject.startsWith('Herhaaldelijk verzuim') || subject.startsWith('Aandacht gevraagd'))
    return 'frequent';
  if (subject.startsWith('Uitschrijving')) return 'outflow';
  return subject;
}

describe('one nightly run over six weeks of several students of one coach (issue #10)', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('sends no kind of mail twice to anyone, and nothing about a day after a student left', async () => {
    const studentsArb = fc.array(
      fc.record({
        absent: fc.subarray(WEEKS, { minLength: 1 }),
        leave: fc.option(fc.nat({ max: WEEKS.length - 1 })),
      }),
      { minLength: 2, maxLength: 3 },
    );
    await fc.assert(
      // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: one property's setup and assertions read as one story
      fc.asyncProperty(studentsArb, async (students) => {
        h = await startHarness();
        const leftOn = new Map<string, string>();
        for (const [i, s] of students.entries()) {
          const id = `s-p${i}`;
          await h.student(id, { startQualification: true });
          for (const date of s.absent) await h.deliver(...registeredDay(id, date));
          if (s.leave !== null) {
            const date = WEEKS[s.leave] as string;
            leftOn.set(id, date);
            await h.deliver(leftEvent(id, date));
          }
        }
        await h.nightly(AS_OF);

        const mails = await h.mails();
        const perReaderKind = mails.map((m) => `${m.destination.to.join()}|${kindOf(m.subject)}`);
        expect(new Set(perReaderKind).size).toBe(perReaderKind.length);

        for (const report of await listOpenReports(h.table, 'team-ict')) {
          const last = leftOn.get(report.studentId);
          if (last) expect(report.to <= last).toBe(true);
        }
        // Every one of them has left by the run's date: not one mail to a leaver.
        for (const id of leftOn.keys()) expect(await h.mailsTo(studentEmail(id))).toEqual([]);

        const rerun = await h.nightly(AS_OF);
        expect(rerun.flush.sent).toBe(0);
        await h.stop();
        h = undefined;
      }),
      { numRuns: 3 },
    );
  });
});
