/** Appendix 4, uitstroom: the outflow case's steps as pure life cycle. */
import { describe, expect, it } from 'vitest';
import { completeOutflowStep, type OutflowCase, reportToRmc, stepsOf } from '../../../functions/domain/case';
import { InvalidTransition } from '../../../functions/domain/errors';

const coach = { staffId: 'c-1', name: 'Anna Coach', email: 'anna@school.example' };
const mark = { by: 'c-1', at: '2026-10-02T09:00:00Z' };
const entree = (over: Partial<OutflowCase> = {}): OutflowCase => ({
  caseId: 's-1.outflow.2026-10-01',
  studentId: 's-1',
  studentName: 'Sam',
  teamId: 't-1',
  coachId: 'c-1',
  leftOn: '2026-10-01',
  involveCounsellor: true,
  earlySchoolLeaver: true,
  steps: {},
  status: 'open',
  createdOn: '2026-10-01',
  version: 1,
  ...over,
});

describe('the outflow case', () => {
  it('asks the counsellor only for Entree and level 2, the RMC report only for an early school leaver', () => {
    expect(stepsOf(entree())).toEqual(['sts_involved', 'counsellor_involved', 'rmc_reported', 'closed']);
    expect(stepsOf(entree({ involveCounsellor: false, earlySchoolLeaver: false }))).toEqual([
      'sts_involved',
      'closed',
    ]);
    // Cases stored before the flag were made for early school leavers only.
    const { earlySchoolLeaver: _, ...old } = entree();
    expect(stepsOf(old)).toContain('rmc_reported');
  });

  it('closes only after STS-B and the counsellor, and then takes no step', () => {
    expect(() => completeOutflowStep(entree(), 'closed', mark)).toThrow(InvalidTransition);
    const involved = completeOutflowStep(
      completeOutflowStep(entree(), 'sts_involved', mark),
      'counsellor_involved',
      mark,
    );
    const closed = completeOutflowStep(involved, 'closed', mark);
    expect(closed).toMatchObject({ status: 'done', version: 4 });
    expect(() => completeOutflowStep(closed, 'sts_involved', mark)).toThrow(InvalidTransition);
    expect(() => completeOutflowStep(involved, 'sts_involved', mark)).toThrow(/already done/);
  });

  it('makes the RMC report as a DUO task of type rmc, once, and only for an early school leaver', () => {
    const { outflow, task } = reportToRmc(entree(), coach, mark.at, '2026-10-02', 'Geen nieuwe opleiding');
    expect(outflow).toMatchObject({ rmcTaskId: task.taskId, steps: { rmc_reported: { by: 'c-1' } } });
    expect(task).toMatchObject({
      kind: 'duo_report',
      role: 'attendance_officer',
      duo: { type: 'rmc', addressee: 'rmc', from: '2026-10-01', reporter: { role: 'coach' } },
      duoRecord: { history: [] },
    });
    expect(() => reportToRmc(outflow, coach, mark.at, '2026-10-02', '')).toThrow(InvalidTransition);
    expect(() => reportToRmc(entree({ earlySchoolLeaver: false }), coach, mark.at, '2026-10-02', '')).toThrow(
      /not an early school leaver/,
    );
    expect(() => completeOutflowStep(entree(), 'rmc_reported', mark)).toThrow(InvalidTransition);
  });
});
