import { describe, expect, it } from 'vitest';
import { startedForEachTest } from '../../support/started';
import { day, type Harness, startHarness } from './harness';

const h = startedForEachTest(startHarness);

/** Late for the first lesson of the day by 30 minutes: one occurrence of frequent absence. */
const late = (studentId: string, date: string) => ({
  id: `evt-late-${studentId}-${date}`,
  type: 'registration.upserted',
  occurredAt: `${date}T18:00:00+02:00`,
  data: {
    registrationId: `${studentId}-${date}-late`,
    revision: 0,
    studentId,
    date,
    start: '08:30',
    end: '10:30',
    status: 'late',
    minutesMissed: 30,
  },
});

const frequentSignals = (h: Harness) =>
  h.bus.published.filter((e) => e.type === 'signal.sent' && e.kind === 'frequent');

describe('the nightly run reading a late correction older than its lookback', () => {
  it('does not count the first day read as a new absence when it continues the absence of the day before', async () => {
    await h.student('s-lex');
    // Friday 11 Sep absent all day; three late arrivals in the fourth school week after it.
    await h.deliver(...day('s-lex', '2026-09-11'));
    await h.nightly('2026-09-11');
    await h.deliver(late('s-lex', '2026-10-05'), late('s-lex', '2026-10-06'), late('s-lex', '2026-10-07'));
    await h.nightly('2026-10-07');
    // Three occurrences within four school weeks: not yet frequent.
    expect(frequentSignals(h)).toHaveLength(0);

    // In January the missing Monday 14 Sep arrives: absent all day, continuing Friday's absence.
    // The run reads from that Monday (older than its lookback) and must not see a fourth,
    // separate absence in the weeks of 14 Sep to 9 Oct.
    await h.deliver(...day('s-lex', '2026-09-14'));
    const run = await h.nightly('2027-01-15');
    expect(run.evaluated).toBe(1);
    expect(frequentSignals(h)).toHaveLength(0);
  });
});
