import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Module from '../../../web/src/lib/views/import.svelte';
import type * as Batches from '../../../web/src/lib/views/import-batches';
import { loadRunes } from './runes';

let mod: typeof Module;
let batches: typeof Batches;
beforeAll(async () => {
  mod = await loadRunes<typeof Module>('lib/views/import.svelte.ts');
  batches = await loadRunes<typeof Batches>('lib/views/import-batches.ts');
});

/** A small stand-in for the import core: two kinds, a code field, a default for "Z". */
const core: Module.ImportCoreView<'registrations' | 'students'> = {
  kinds: ['registrations', 'students'],
  fields: (kind) =>
    kind === 'registrations'
      ? [
          { name: 'studentId', required: true },
          { name: 'date', required: true },
          { name: 'code', required: false },
        ]
      : [
          { name: 'studentId', required: true },
          { name: 'name', required: true },
        ],
  detect: (_kind, header) => {
    const out: Record<string, string> = {};
    for (const h of header) {
      if (/student/i.test(h)) out.studentId = h;
      if (/datum/i.test(h)) out.date = h;
      if (/code/i.test(h)) out.code = h;
    }
    return out;
  },
  codeField: (kind) => (kind === 'registrations' ? 'code' : null),
  defaultCode: (code) => (code === 'Z' ? 'sick' : ''),
};

const csv = (rows: string[][]) => rows.map((r) => r.join(';')).join('\r\n');
const HEADER = ['Studentnummer', 'Datum', 'Absentiecode'];

describe('the import page: reading the file and matching its columns', () => {
  it('shows the header, a preview and the row count, and preselects the columns the core recognises', async () => {
    const view = new mod.ImportView(core, async () => ({ counts: batches.NO_COUNTS, refusals: [] }));
    const body = Array.from({ length: 12 }, (_, i) => [`s-${i}`, '2026-09-01', i % 2 ? 'Z' : 'O']);
    await view.choose({ name: 'export.csv', text: `\uFEFF${csv([HEADER, ...body])}` });
    expect(view.step).toBe('map');
    // The byte order mark of Dutch Excel is not part of the first column's name.
    expect(view.header).toEqual(HEADER);
    expect(view.rowCount).toBe(12);
    expect(view.preview.map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);
    expect(view.columns).toEqual({ studentId: 'Studentnummer', date: 'Datum', code: 'Absentiecode' });
    expect(view.missing).toEqual([]);
    expect(view.codesFound).toEqual(['O', 'Z']);
    // The default mapping knows Z; O waits for the person.
    expect(view.codes).toEqual({ Z: 'sick', O: '' });
  });

  it('marks a required field without a column and does not start the dry run', async () => {
    const view = new mod.ImportView(core, () => Promise.reject(new Error('must not send')));
    await view.choose({
      name: 'export.csv',
      text: csv([
        ['Leerling', 'Dag'],
        ['s-1', '2026-09-01'],
      ]),
    });
    expect(view.columns).toEqual({ studentId: '', date: '', code: '' });
    expect(view.missing).toEqual(['studentId', 'date']);
    expect(view.canCheck).toBe(false);
    view.setColumn('studentId', 'Leerling');
    view.setColumn('date', 'Dag');
    expect(view.missing).toEqual([]);
    expect(view.canCheck).toBe(true);
  });

  it('matches the columns afresh for another kind, and finds no codes in a column of many values', async () => {
    const view = new mod.ImportView(core, async () => ({ counts: batches.NO_COUNTS, refusals: [] }));
    const many = Array.from({ length: 100 }, (_, i) => [`s-${i}`, '2026-09-01', `C${i}`]);
    await view.choose({ name: 'x.csv', text: csv([HEADER, ...many]) });
    expect(view.codesFound).toEqual([]);
    view.setKind('students');
    expect(view.columns).toEqual({ studentId: 'Studentnummer', name: '' });
    expect(view.missing).toEqual(['name']);
    expect(view.codesFound).toEqual([]);
  });

  it('says so when the file has only a header', async () => {
    const view = new mod.ImportView(core, async () => ({ counts: batches.NO_COUNTS, refusals: [] }));
    await view.choose({ name: 'x.csv', text: csv([HEADER, ['', '', '']]) });
    expect(view.step).toBe('choose');
    expect(view.error?.key).toBe('empty');
  });
});

describe('the import page: dry run and real run in batches', () => {
  it('sends every row once per pass in batches of at most 500 with the mapping chosen, and adds up the answers', async () => {
    const sent: { mode: string; lines: number[]; codes: Record<string, string> }[] = [];
    const view = new mod.ImportView(core, (mode, body) => {
      sent.push({ mode, lines: body.rows.map((r) => r.line), codes: body.codes });
      const bad = body.rows.filter((r) => r.cells[0] === 'bad');
      return Promise.resolve({
        counts: {
          rows: body.rows.length,
          accepted: body.rows.length - bad.length,
          duplicates: 0,
          refused: bad.length,
        },
        refusals: bad.map((r) => ({
          line: r.line,
          column: 'Studentnummer',
          value: 'bad',
          reason: 'Onbekende student',
        })),
      });
    });
    const body = Array.from({ length: 1203 }, (_, i) => [i === 700 ? 'bad' : `s-${i}`, '2026-09-01', 'Z']);
    // A blank line in the middle keeps the line numbers of the rows after it.
    const text = `${csv([HEADER, ...body.slice(0, 10)])}\r\n\r\n${csv(body.slice(10))}`;
    await view.choose({ name: 'big.csv', text });
    view.setCode('Z', 'authorized');
    await view.check();
    expect(view.step).toBe('checked');
    expect(sent.map((s) => s.lines.length)).toEqual([500, 500, 203]);
    expect(sent.flatMap((s) => s.lines)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => i + 2),
      ...Array.from({ length: 1193 }, (_, i) => i + 13),
    ]);
    expect(sent.every((s) => s.mode === 'dryRun' && s.codes.Z === 'authorized')).toBe(true);
    expect(view.dryRun?.counts).toEqual({ rows: 1203, accepted: 1202, duplicates: 0, refused: 1 });
    expect(view.dryRun?.refusals).toEqual([
      { line: 703, column: 'Studentnummer', value: 'bad', reason: 'Onbekende student' },
    ]);

    await view.confirm();
    expect(view.step).toBe('done');
    expect(sent.filter((s) => s.mode === 'run').map((s) => s.lines.length)).toEqual([500, 500, 203]);
    expect(view.result?.counts.accepted).toBe(1202);
  });

  it('stops at a failing batch, says why, and lets the person try again', async () => {
    let calls = 0;
    const view = new mod.ImportView(core, (_mode, body) => {
      calls += 1;
      if (calls === 2) return Promise.reject(new Error('Netwerkfout'));
      return Promise.resolve({
        counts: { rows: body.rows.length, accepted: body.rows.length, duplicates: 0, refused: 0 },
        refusals: [],
      });
    });
    const body = Array.from({ length: 800 }, (_, i) => [`s-${i}`, '2026-09-01', 'Z']);
    await view.choose({ name: 'x.csv', text: csv([HEADER, ...body]) });
    await view.check();
    expect(view.step).toBe('map');
    expect(view.error).toEqual({ key: 'failed', message: 'Netwerkfout' });
    expect(view.progress).toBe(null);
    await view.check();
    expect(view.step).toBe('checked');
    expect(view.error).toBe(null);
  });

  it('does not import before a dry run', async () => {
    const view = new mod.ImportView(core, () => Promise.reject(new Error('must not send')));
    await view.choose({ name: 'x.csv', text: csv([HEADER, ['s-1', '2026-09-01', 'Z']]) });
    await view.confirm();
    expect(view.step).toBe('map');
  });
});

describe('the refused rows as CSV', () => {
  it('is Dutch Excel CSV: byte order mark, semicolons, and a value that looks like a formula is not one', () => {
    const text = batches.refusalsCsv(
      [
        { line: 7, column: 'Datum', value: '31-02-2026', reason: 'Geen geldige datum; verwacht DD-MM-JJJJ' },
        { line: 9, column: 'Absentiecode', value: '=HYPERLINK("x")', reason: 'Onbekende code' },
      ],
      ['Regel', 'Kolom', 'Waarde', 'Reden'],
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1).trim(), { delimiter: ';' }).data;
    expect(parsed).toEqual([
      ['Regel', 'Kolom', 'Waarde', 'Reden'],
      ['7', 'Datum', '31-02-2026', 'Geen geldige datum; verwacht DD-MM-JJJJ'],
      ['9', 'Absentiecode', `'=HYPERLINK("x")`, 'Onbekende code'],
    ]);
  });

  it('keeps at most the limit of refusals for the screen and the CSV', () => {
    const r = (line: number) => ({ line, column: 'c', value: 'v', reason: 'x' });
    const kept = batches.keepRefusals([r(1), r(2)], [r(3), r(4), r(5)], 4);
    expect(kept.map((x) => x.line)).toEqual([1, 2, 3, 4]);
    expect(batches.keepRefusals(kept, [r(6)], 4)).toBe(kept);
  });
});
