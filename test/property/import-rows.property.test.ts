import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CODES, defaultMapping, type ImportRow, rowToEvent } from '../../shared/import';

const options = {
  occurredAt: '2026-11-30T20:00:00+01:00',
  calendar: { from: '2025-08-25', to: '2028-07-14' },
};
const mapping = defaultMapping('registrations');
const two = (n: number) => String(n).padStart(2, '0');

/** Cells of a registrations export: mostly valid, sometimes not (a bad time, an unknown code). */
const cells = fc.record({
  Studentnummer: fc.oneof(fc.integer({ min: 100000, max: 100050 }).map(String), fc.constant('')),
  Datum: fc
    .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 9, max: 12 }), fc.boolean())
    .map(([d, m, dutch]) => (dutch ? `${two(d)}-${two(m)}-2026` : `2026-${two(m)}-${two(d)}`)),
  Begintijd: fc.oneof(
    fc.integer({ min: 8, max: 16 }).map((h) => `${h}:30`),
    fc.constant('25:00'),
  ),
  Eindtijd: fc.integer({ min: 9, max: 17 }).map((h) => `${h}:20`),
  Absentiecode: fc.oneof(fc.constantFrom(...Object.keys(DEFAULT_CODES), ''), fc.constant('QQ')),
  Minuten: fc.oneof(fc.integer({ min: 0, max: 60 }).map(String), fc.constant('')),
});
const rows = fc
  .array(cells, { maxLength: 40 })
  .map((list) => list.map((c, i): ImportRow => ({ line: i + 2, cells: c })));

const eventsOf = (list: readonly ImportRow[]) =>
  list.flatMap((r) => {
    const result = rowToEvent(mapping, r, options);
    return result.ok ? [JSON.stringify(result.event)] : [];
  });

describe('import rows (property)', () => {
  it('the same row gives the same event and id, on any line', () => {
    fc.assert(
      fc.property(cells, fc.integer({ min: 2, max: 10 ** 6 }), (c, line) => {
        const a = rowToEvent(mapping, { line: 2, cells: c }, options);
        const b = rowToEvent(mapping, { line, cells: { ...c } }, options);
        expect(a.ok).toBe(b.ok);
        if (a.ok && b.ok) expect(b.event).toEqual(a.event);
      }),
    );
  });

  it('every row is an event that fits the contract or is refused with a located reason', () => {
    fc.assert(
      fc.property(cells, (c) => {
        const result = rowToEvent(mapping, { line: 7, cells: c }, options);
        if (result.ok) expect(result.event.id).toMatch(/^imp-[0-9a-f]{40}$/);
        else for (const r of result.refusals) expect(r).toMatchObject({ line: 7, text: expect.any(String) });
      }),
    );
  });

  it('the order of the rows does not change the set of events', () => {
    fc.assert(
      fc.property(
        rows.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([list, shuffled]) => {
          expect(new Set(eventsOf(shuffled))).toEqual(new Set(eventsOf(list)));
        },
      ),
    );
  });
});
