/**
 * `npm run bench -- import`: the import's claim that a file streams with bounded memory. Writes
 * a generated registrations CSV (BENCH_IMPORT_ROWS rows, default 1,000,000: 1,000 students,
 * five lessons a day over the school year's days) and a tenth of it, and reads each through the
 * CLI's CSV reader, the mapping and the use case's dry run (dynalite holds the students). Prints
 * rows/s and the peak heap and RSS next to the file's size: the peak should not follow the size.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentClient } from '../../functions/store/client';
import { ensureTable } from '../../functions/store/table-definition';
import { importRows, newImportSession } from '../../functions/usecases/import';
import { defaultCalendar } from '../../shared/calendar';
import { defaultMapping } from '../../shared/import';
import type { IsoDate } from '../../shared/policy/types';
import { readCsvRows } from '../import/read-rows';
import { startDynalite } from '../local/dynalite';

const STUDENTS = 1000;
const LESSONS = ['08:30;09:20', '09:20;10:10', '10:30;11:20', '11:20;12:10', '13:00;13:50'];
const CODES = ['', '', '', '', '', 'A', 'Z', 'TL;10', 'ON', 'MA'];

function schoolDays(): IsoDate[] {
  const days: IsoDate[] = [];
  for (let t = Date.UTC(2025, 7, 25); t <= Date.UTC(2026, 6, 10); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10) as IsoDate;
    if (defaultCalendar.isSchoolDay(day)) days.push(day);
  }
  return days;
}

/** Writes `rows` registration rows, as a Dutch export has them; the students are 300000 to 300999. */
async function writeExport(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('\uFEFFStudentnummer;Datum;Begintijd;Eindtijd;Absentiecode;Minuten\r\n');
  const days = schoolDays();
  let n = 0;
  outer: for (const day of days) {
    const dutch = day.split('-').reverse().join('-');
    for (let s = 0; s < STUDENTS; s++) {
      for (const [l, lesson] of LESSONS.entries()) {
        if (n >= rows) break outer;
        const code = CODES[(s * 7 + l * 3 + n) % CODES.length] as string;
        await write(`${300000 + s};${dutch};${lesson};${code.includes(';') ? code : `${code};`}\r\n`);
        n++;
      }
    }
  }
  out.end();
  await once(out, 'finish');
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

export async function run(): Promise<void> {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
  const dir = await mkdtemp(join(tmpdir(), 'presentie-bench-import-'));
  const dynalite = await startDynalite({ port: 0 });
  process.env.AWS_ENDPOINT_URL_DYNAMODB = dynalite.endpoint;
  process.env.AWS_REGION ??= 'eu-west-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  const doc = createDocumentClient();
  const tableName = 'bench-import';
  await ensureTable(doc, tableName);
  const deps = { ingest: { store: { doc, tableName }, retentionYears: 5, now: () => new Date() } };
  const occurredAt = new Date().toISOString();
  try {
    const students = Array.from({ length: STUDENTS }, (_, i) => ({
      line: i + 2,
      cells: {
        Studentnummer: String(300000 + i),
        Naam: `Student ${i}`,
        'E-mail': `${300000 + i}@student.school.example`,
        Geboortedatum: '01-03-2008',
        Team: 'team-a',
        Coach: 'c-a',
        Niveau: '3',
        Leerweg: 'BOL',
        Inschrijfdatum: '25-08-2025',
      },
    }));
    await importRows(deps, {
      mapping: defaultMapping('students'),
      rows: students,
      dryRun: false,
      occurredAt,
    });

    for (const size of [Math.round(rows / 10), rows]) {
      const file = join(dir, `export-${size}.csv`);
      await writeExport(file, size);
      const bytes = (await stat(file)).size;
      global.gc?.();
      const base = process.memoryUsage();
      let peakHeap = base.heapUsed;
      let peakRss = base.rss;
      const started = performance.now();
      const totals = await importRows(
        deps,
        { mapping: defaultMapping('registrations'), rows: readCsvRows(file), dryRun: true, occurredAt },
        () => {
          const now = process.memoryUsage();
          peakHeap = Math.max(peakHeap, now.heapUsed);
          peakRss = Math.max(peakRss, now.rss);
        },
        newImportSession(),
      );
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${totals.rows.toLocaleString('en')} rows, file ${mb(bytes)}: ${Math.round(totals.rows / seconds).toLocaleString('en')} rows/s ` +
          `(${seconds.toFixed(1)} s, dry run: ${totals.counts.valid} valid, ${totals.counts.refused} refused); ` +
          `peak heap ${mb(peakHeap)} (+${mb(peakHeap - base.heapUsed)}), peak RSS ${mb(peakRss)} (+${mb(peakRss - base.rss)})`,
      );
      await rm(file);
    }
  } finally {
    doc.destroy();
    await dynalite.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
