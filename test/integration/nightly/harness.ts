import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Context } from 'aws-lambda';
import { parseEnv } from '../../../functions/config';
import { createLocalBus, type LocalEventBus } from '../../../functions/events/local-bus';
import { createWebhookHandler } from '../../../functions/handlers/webhook-handler';
import type { Outbox } from '../../../functions/mail/outbox';
import type { Mailer } from '../../../functions/mail/ses-mailer';
import type { OutgoingMail } from '../../../functions/mail/types';
import type { MailSenderDeps } from '../../../functions/usecases/mail/send-queued';
import type { NightlyDeps } from '../../../functions/usecases/nightly/ports';
import { runNightly } from '../../../functions/usecases/nightly/run-nightly';
import type { ReportDeps } from '../../../functions/usecases/reports/actions';
import { listOpenReports } from '../../../functions/usecases/reports/queries';
import { createMailSenderDeps, mailSenderEnv } from '../../../functions/wiring/mail-sender';
import { createNightlyDeps, nightlyEnv } from '../../../functions/wiring/nightly';
import { createWebhookDeps, webhookEnv } from '../../../functions/wiring/webhook';
import { startSes } from '../../../scripts/local/ses';
import { startTestTable, type TestTable } from '../../support/dynalite';
import {
  batch,
  HARNESS_NOW,
  lambdaContext,
  newSecret,
  reply,
  signedDelivery,
  studentEvent,
} from '../../support/webhook';

export const DASHBOARD = 'https://presentie.school.example';
const COACH = 'c-jansen';

export interface SentMail {
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text: string; html: string };
}

type Json = Record<string, unknown>;

/** Org units, a coach, an attendance officer and a front-office employee, as the roster delivers them. */
function roster(): Json[] {
  const at = '2026-08-20T07:00:00+02:00';
  const unit = (orgUnitId: string, kind: string, parentId: string | null) => ({
    id: `evt-ou-${orgUnitId}`,
    type: 'orgunit.upserted',
    occurredAt: at,
    data: { orgUnitId, name: orgUnitId, kind, parentId },
  });
  const staff = (staffId: string, name: string, roles: string[]) => ({
    id: `evt-staff-${staffId}`,
    type: 'staff.upserted',
    occurredAt: at,
    data: { staffId, name, email: `${staffId}@school.example`, roles, orgUnitIds: ['inst'] },
  });
  return [
    unit('inst', 'institution', null),
    unit('dep-tech', 'department', 'inst'),
    unit('team-ict', 'team', 'dep-tech'),
    staff(COACH, 'M. Jansen', ['coach']),
    staff('vb-bakker', 'S. Bakker', ['attendance_officer']),
    staff('fo-smit', 'K. Smit', ['front_office']),
  ];
}

let registrationSequence = 0;

/** A school day with four lessons of two hours (480 minutes), each registered with `status`. */
export function day(
  studentId: string,
  date: string,
  options: {
    status?: 'absent' | 'present';
    reason?: string;
    revision?: number;
    lessons?: number;
    notice?: Json;
  } = {},
): Json[] {
  const slots = [
    ['08:30', '10:30'],
    ['10:30', '12:30'],
    ['13:00', '15:00'],
    ['15:00', '17:00'],
  ].slice(0, options.lessons ?? 4);
  return slots.map(([start, end], i) => ({
    id: `evt-reg-${++registrationSequence}`,
    type: 'registration.upserted',
    occurredAt: `${date}T18:00:00+02:00`,
    data: {
      registrationId: `${studentId}-${date}-${i}`,
      revision: options.revision ?? 0,
      studentId,
      date,
      start,
      end,
      status: options.status ?? 'absent',
      ...(options.reason ? { reason: options.reason } : {}),
      ...(options.notice ? { notice: options.notice } : {}),
    },
  }));
}

/** A call on the nightly run's document client, as a fault sees it. */
export type StoreCall = { constructor: { name: string }; input: unknown };

export interface Harness {
  table: TestTable;
  bus: LocalEventBus;
  outbox: Outbox;
  /** Mail to these addresses fails until `sesRecovers()`. */
  sesFailsFor(addresses: string[]): void;
  sesRecovers(): void;
  /** SES refuses mail to these addresses for good (MessageRejected); returns how often it refused. */
  sesRefuses(addresses: string[]): () => number;
  /** The nightly run's store calls matching `when` fail (an injected fault); none after `storeRecovers()`. */
  storeFailsWhen(when: (command: StoreCall) => boolean): void;
  storeRecovers(): void;
  deliver(...events: Json[]): Promise<void>;
  student(studentId: string, data?: Json): Promise<void>;
  nightly(date: string, options?: { mailGuardians?: boolean }): ReturnType<typeof runNightly>;
  mails(): Promise<SentMail[]>;
  mailsTo(address: string): Promise<SentMail[]>;
  reportDeps(): ReportDeps;
  /** The nightly function's dependencies as the harness built them (its table, SES, bus, faults). */
  nightlyDeps: NightlyDeps;
  /** The mail sender's dependencies as the harness built them (its table, SES, faults). */
  mailSenderDeps: MailSenderDeps;
  stop(): Promise<void>;
}

/** dynalite and aws-ses-v2-local on free ports, the real webhook handler, the nightly use case. */
export async function startHarness(): Promise<Harness> {
  const table = await startTestTable();
  const ses = await startSes({ port: 0 });
  await fetch(`${ses.endpoint}/clear-store`, { method: 'POST' });
  const secret = newSecret();
  const webhook = createWebhookHandler(() =>
    createWebhookDeps(
      parseEnv(webhookEnv, { TABLE_NAME: table.tableName, PRESENCE_WEBHOOK_SECRETS: secret }),
      { store: table, now: () => HARNESS_NOW },
    ),
  );
  const client = new SESv2Client({
    endpoint: ses.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  let failing = new Set<string>();
  let refusing = new Set<string>();
  let refusals = 0;
  let storeFault: Parameters<Harness['storeFailsWhen']>[0] | undefined;
  // The nightly run's own client, where a test can inject a failing call; the test reads `table`.
  const faultyDoc = Object.create(table.doc) as typeof table.doc;
  faultyDoc.send = ((command: StoreCall, ...rest: unknown[]) => {
    if (storeFault?.(command))
      return Promise.reject(Object.assign(new Error('injected store failure'), { name: 'InjectedFault' }));
    return (table.doc.send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
  }) as unknown as typeof table.doc.send;
  const bus = createLocalBus();
  const wrapMailer = (ses2: Mailer): Mailer => ({
    send: (mail: OutgoingMail) => {
      if (mail.to.some((a) => refusing.has(a))) {
        refusals++;
        return Promise.reject(
          Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected' }),
        );
      }
      return mail.to.some((a) => failing.has(a))
        ? Promise.reject(Object.assign(new Error('SES is unavailable'), { name: 'ServiceUnavailable' }))
        : ses2.send(mail);
    },
  });
  // The nightly function's own wiring, with the test's table, SES, bus and a mailer that can fail.
  const nightlyDeps = createNightlyDeps(
    parseEnv(nightlyEnv, {
      TABLE_NAME: table.tableName,
      MAIL_FROM: 'Presentie <presentie@school.example>',
      SES_MAX_PER_SECOND: '500',
      DASHBOARD_URL: DASHBOARD,
    }),
    {
      store: { doc: faultyDoc, tableName: table.tableName },
      ses: client,
      bus,
      wrapMailer,
    },
  );
  // The mail sender's own wiring, with the same table and SES (and faults).
  const mailSenderDeps = createMailSenderDeps(
    parseEnv(mailSenderEnv, {
      TABLE_NAME: table.tableName,
      MAIL_FROM: 'Presentie <presentie@school.example>',
      SES_MAX_PER_SECOND: '500',
    }),
    { store: { doc: faultyDoc, tableName: table.tableName }, ses: client, wrapMailer },
  );

  const { outbox } = nightlyDeps;

  const deliver = async (...events: Json[]) => {
    const result = await webhook(signedDelivery(batch(...events), { secret }), lambdaContext() as Context);
    const answer = reply(result as never);
    if (answer.status !== 200)
      throw new Error(`webhook answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  };
  await deliver(...roster());

  const mails = async (): Promise<SentMail[]> => {
    const res = await fetch(`${ses.endpoint}/store`);
    return ((await res.json()) as { emails: SentMail[] }).emails;
  };

  return {
    table,
    bus,
    outbox,
    sesFailsFor: (addresses) => {
      failing = new Set(addresses);
    },
    sesRecovers: () => {
      failing = new Set();
    },
    sesRefuses: (addresses) => {
      refusing = new Set(addresses);
      return () => refusals;
    },
    storeFailsWhen: (when) => {
      storeFault = when;
    },
    storeRecovers: () => {
      storeFault = undefined;
    },
    deliver,
    student: (studentId, data = {}) => deliver(studentEvent(studentId, { coachId: COACH, ...data })),
    nightly: (date, options = {}) =>
      runNightly(
        {
          ...nightlyDeps,
          config: { ...nightlyDeps.config, mailGuardians: options.mailGuardians ?? false },
        },
        date,
      ),
    nightlyDeps,
    mailSenderDeps,
    mails,
    mailsTo: async (address) => (await mails()).filter((m) => m.destination.to.includes(address)),
    reportDeps: () => ({
      store: table,
      bus,
      outbox,
      dashboardUrl: DASHBOARD,
      flushMails: true,
      retentionYears: 5,
    }),
    stop: async () => {
      client.destroy();
      await ses.stop();
      await table.stop();
    },
  };
}

export const coachEmail = `${COACH}@school.example`;
export const officerEmail = 'vb-bakker@school.example';
export const frontOfficeEmail = 'fo-smit@school.example';
export const studentEmail = (studentId: string) => `${studentId}@student.school.example`;
export const coach = { staffId: COACH, name: 'M. Jansen', email: coachEmail };
export const officer = { staffId: 'vb-bakker', name: 'S. Bakker', email: officerEmail };

/** A student with an open 16-hour report of team-ict, as the nightly run of 11 September leaves it. */
export async function openReportOf(h: Harness, studentId: string) {
  await h.student(studentId);
  await h.deliver(...day(studentId, '2026-09-10'), ...day(studentId, '2026-09-11'));
  await h.nightly('2026-09-11');
  const report = (await listOpenReports(h.table, 'team-ict')).find((r) => r.studentId === studentId);
  if (!report) throw new Error('no report');
  return report;
}
