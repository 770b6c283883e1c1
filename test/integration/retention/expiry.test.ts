import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeApiData } from '../../../functions/api/store/api-data';
import { reportCommands } from '../../../functions/api/store/writes';
import { MAIL_RETENTION_SECONDS } from '../../../functions/store/outbox-repository';
import { dateItemExpiry, studentItemExpiry } from '../../../functions/store/retention';
import { applyReportAction, createReferral } from '../../../functions/usecases/reports/actions';
import { listOpenReports } from '../../../functions/usecases/reports/queries';
import { leftEvent, noticeEvent } from '../../support/webhook';
import { coach, day, type Harness, startHarness } from '../nightly/harness';

type Item = Record<string, unknown>;

const RETENTION_YEARS = 5; // the harness's webhook and nightly run both use 5
const LEFT_ON = '2026-10-01';

async function scanTable(h: Harness): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await h.table.doc.send(
      new ScanCommand({ TableName: h.table.tableName, ExclusiveStartKey: start }),
    );
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

const describeItem = (item: Item) => `${item.type} ${item.pk} / ${item.sk}`;

/** Master data (no expiry by design) and ingestion bookkeeping (their own expiries, if any). */
const isMasterData = (item: Item) =>
  String(item.pk).startsWith('ORG#') || String(item.pk).startsWith('STAFF#');
/** The roster version is one counter (AP 69) with no personal data: it lives as long as the table. */
const isIngestionBookkeeping = (item: Item) =>
  ['ROSTER', 'IDEMP#', 'PENDING#'].some((prefix) => String(item.pk).startsWith(prefix));

/** A mail's link in the student's partition (AP 54): it expires with its mail, tested with the mails. */
const isMailLink = (item: Item) => item.type === 'mail-link';

/** Every way an item can say it is about a student: its partition, its student index, its attribute. */
const isAbout = (studentId: string) => (item: Item) =>
  (String(item.pk).startsWith(`STU#${studentId}`) && !isMailLink(item)) ||
  item.studentId === studentId ||
  item.gsi1pk === `STUAUDIT#${studentId}` ||
  item.gsi2pk === `STUREPORTS#${studentId}` ||
  (item.pk === 'OUTFLOW#PENDING' && item.sk === studentId);

/**
 * A school term as it happens: the roster, two students absent (one leaves, one stays), a portal
 * notice, the nightly runs with their reports, tasks, mails, KPI snapshots and outflow case, the
 * coach's actions, a referral and dashboard reads. Then the whole table is scanned.
 */
describe('retention: every item carries an expiry', () => {
  let h: Harness;
  let items: Item[];
  let markerBeforeNightly: Item | undefined;

  beforeAll(async () => {
    h = await startHarness();
    const reportDeps = h.reportDeps();
    const api = storeApiData(h.table, reportCommands(reportDeps), RETENTION_YEARS);

    // s-rik leaves later without a diploma (an outflow case); s-joep stays enrolled.
    await h.student('s-rik', { level: '2' });
    await h.student('s-joep');
    await h.deliver(noticeEvent('2026-09-16'));
    await h.deliver(...day('s-rik', '2026-09-10'), ...day('s-rik', '2026-09-11'));
    await h.deliver(...day('s-joep', '2026-09-07'), ...day('s-joep', '2026-09-14'));
    await h.nightly('2026-09-11');
    await h.nightly('2026-09-14');

    // The coach hands each report on: officer's conversation for s-rik (a task with steps), DUO for s-joep.
    const open = await listOpenReports(h.table, 'team-ict');
    const now = new Date('2026-09-14T08:00:00Z');
    for (const report of open) {
      await applyReportAction(reportDeps, {
        reportId: report.reportId,
        action: report.studentId === 's-rik' ? 'officer_conversation' : 'duo',
        explanation: 'Gesprek gevoerd, geen verbetering',
        actor: coach,
        now,
        suspectedReason: 'motivatie',
      });
    }
    await createReferral(reportDeps, {
      studentId: 's-rik',
      category: 'officer_question',
      explanation: 'Graag een gesprek',
      actor: coach,
      now,
    });
    await api.audit({
      at: now.toISOString(),
      staffId: coach.staffId,
      action: 'read',
      subject: 'student',
      studentId: 's-rik',
    });
    await api.audit({ at: now.toISOString(), staffId: coach.staffId, action: 'read', subject: 'DUO export' });

    // More absence for s-joep (4-week pattern).
    await h.deliver(...day('s-joep', '2026-09-21'), ...day('s-joep', '2026-09-28'));
    await h.nightly('2026-09-28');
    await h.nightly('2026-09-29');

    await h.deliver(
      leftEvent('s-rik', LEFT_ON, { data: { studentId: 's-rik', date: LEFT_ON, diplomaObtained: false } }),
    );
    markerBeforeNightly = (await scanTable(h)).find((i) => i.pk === 'OUTFLOW#PENDING' && i.sk === 's-rik');
    await h.nightly(LEFT_ON);
    await h.nightly('2026-10-02');

    items = await scanTable(h);
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('produced every kind of item the issue names (the scenario is not vacuous)', () => {
    const types = new Set(items.map((i) => i.type));
    for (const type of [
      'student',
      'registration',
      'signals',
      'report',
      'task',
      'mail',
      'audit',
      'kpi',
      'case',
    ]) {
      expect(types, `no ${type} item`).toContain(type);
    }
    const tasksOfRik = items.filter((i) => i.type === 'task' && i.studentId === 's-rik').map((i) => i.kind);
    expect(tasksOfRik.sort()).toEqual(['officer_conversation', 'officer_question']);
    expect(markerBeforeNightly).toBeDefined();
  });

  it('gives every item but org units and staff a numeric expiresAt', () => {
    const missing = items
      .filter((i) => !isMasterData(i) && !isIngestionBookkeeping(i))
      .filter((i) => typeof i.expiresAt !== 'number' || !Number.isInteger(i.expiresAt))
      .map(describeItem);
    expect(missing).toEqual([]);
    // Ingestion's own records keep their own expiries; where they have one, it is a number too.
    const badBookkeeping = items
      .filter((i) => isIngestionBookkeeping(i) && 'expiresAt' in i && typeof i.expiresAt !== 'number')
      .map(describeItem);
    expect(badBookkeeping).toEqual([]);
  });

  it('keeps org units and staff without an expiry: master data in use', () => {
    const master = items.filter(isMasterData);
    expect(master.length).toBeGreaterThan(0);
    expect(master.filter((i) => 'expiresAt' in i).map(describeItem)).toEqual([]);
  });

  it('lets every item about a student who left expire RETENTION_YEARS after the leave date', () => {
    const expected = dateItemExpiry(LEFT_ON, RETENTION_YEARS);
    const aboutRik = items.filter(isAbout('s-rik'));
    // Profile, days, signal state, registrations' heads are in; so are reports, tasks, the case, audit entries.
    for (const type of ['student', 'registration', 'signals', 'report', 'task', 'audit', 'case']) {
      expect(
        aboutRik.map((i) => i.type),
        `no ${type} of s-rik`,
      ).toContain(type);
    }
    const wrong = aboutRik
      .filter((i) => i.expiresAt !== expected)
      .map((i) => `${describeItem(i)}: ${i.expiresAt}`);
    expect(wrong).toEqual([]);
  });

  it('gives the outflow marker an expiry no later than the data of the student it names', () => {
    expect(markerBeforeNightly?.expiresAt).toEqual(expect.any(Number));
    expect(markerBeforeNightly?.expiresAt as number).toBeLessThanOrEqual(
      dateItemExpiry(LEFT_ON, RETENTION_YEARS),
    );
    expect(markerBeforeNightly?.expiresAt as number).toBeGreaterThan(dateItemExpiry(LEFT_ON, 0));
  });

  it('keeps the items of a student still enrolled on a provisional expiry, well beyond that of one who left', () => {
    const aboutJoep = items.filter(isAbout('s-joep')).filter((i) => !isIngestionBookkeeping(i));
    expect(aboutJoep.map((i) => i.type)).toEqual(
      expect.arrayContaining(['signals', 'report', 'task', 'audit']),
    );
    for (const item of aboutJoep) {
      // Provisional: the item's own date + RETENTION_YEARS + 10; no item here is older than 2026-08.
      expect(item.expiresAt as number, describeItem(item)).toBeGreaterThanOrEqual(
        studentItemExpiry(undefined, '2026-08-01', RETENTION_YEARS),
      );
    }
  });

  it('dates KPI snapshots and audit entries not about a student RETENTION_YEARS after their date', () => {
    const kpi = items.filter((i) => i.type === 'kpi');
    expect(kpi.length).toBeGreaterThan(0);
    for (const snapshot of kpi) {
      expect(snapshot.expiresAt).toBe(dateItemExpiry(String(snapshot.sk), RETENTION_YEARS));
    }
    const exportRead = items.find((i) => i.type === 'audit' && i.what === 'read DUO export');
    expect(exportRead?.expiresAt).toBe(dateItemExpiry('2026-09-14', RETENTION_YEARS));
  });

  it('lets mails, which name no student in the outbox, expire a year after they were recorded', () => {
    const mails = items.filter((i) => i.type === 'mail');
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) {
      expect(mail.expiresAt).toBe(
        Math.floor(Date.parse(String(mail.createdAt)) / 1000) + MAIL_RETENTION_SECONDS,
      );
    }
  });

  it("lets a mail's links to its students expire with the mail, also for a student who left", () => {
    const expiryOf = new Map(items.filter((i) => i.type === 'mail').map((m) => [m.id, m.expiresAt]));
    const links = items.filter(isMailLink);
    expect(links.map((l) => String(l.pk))).toEqual(expect.arrayContaining(['STU#s-rik', 'STU#s-joep']));
    for (const link of links) expect(link.expiresAt, describeItem(link)).toBe(expiryOf.get(link.mailId));
  });
});
