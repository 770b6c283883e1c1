import { dayBefore } from '../../shared/calendar/school-time';
import { lastEnrolledDay } from '../../shared/policy/enrolment';
import { undeliverableMailTask } from '../domain/task';
import type { Store } from '../store/client';
import {
  claimMail,
  getMail,
  listUnsent,
  MAIL_RETENTION_SECONDS,
  markCancelled,
  markFailed,
  markSent,
  markUndeliverable,
  type OutboxItem,
  recordMail,
} from '../store/outbox-repository';
import { undeliverableMailTaskId } from '../store/record-ids';
import { getStudent } from '../store/students';
import { createTask } from '../store/tasks-repository';
import { type TransactItem, writeWith } from '../store/transact';
import { isRefusal, isThrottling, type Mailer } from './ses-mailer';
import { type MailRequest, renderMail, type TemplateId } from './templates';
import { CANCELLED_WHEN_LEFT, type OutgoingMail } from './types';

/** Long enough for SES's backoff on one mail; a crashed run's claims free up after it. */
const LEASE_MS = 10 * 60 * 1000;

/**
 * SES refusals (one attempt per flush, so per night) before the outbox gives a mail up and an
 * administrator gets a task instead: a refusal can be passing (a mailbox briefly suspended), a
 * third in three nights is not.
 */
export const MAIL_REFUSALS_BEFORE_GIVING_UP = 3;

export interface FlushResult {
  sent: number;
  failed: number;
  /** Left for the next run because SES kept throttling. */
  deferred: number;
  /** Not sent because every student the mail is about had left (kept as `cancelled`). */
  cancelled: number;
  /** Given up after SES refused them too often: each is now an administrator's task. */
  givenUp: number;
}

export interface FlushOptions {
  /**
   * The last day that is over: a student whose last enrolled day is on or before it has left. The
   * nightly run passes the date it evaluated; otherwise yesterday (school time zone).
   */
  asOf?: string;
}

export interface Outbox {
  /**
   * Renders and records a mail (deterministic id). False if that mail was recorded before.
   * `alongside`: items written in one transaction with it (the event its recording raises).
   */
  enqueue<T extends TemplateId>(
    request: MailRequest<T>,
    alongside?: readonly TransactItem[],
  ): Promise<boolean>;
  /** Sends every unsent mail, including those a previous run failed to send. */
  flush(options?: FlushOptions): Promise<FlushResult>;
  /**
   * Sends these mails now if they are still unsent (a task's mails the moment it is made); one
   * sent before, or claimed by a running flush, is left alone, so a repeat sends nothing.
   */
  sendNow(mailIds: readonly string[], options?: FlushOptions): Promise<FlushResult>;
}

export interface OutboxOptions {
  store: Store;
  mailer: Mailer;
  now?: () => Date;
  /** Sends in flight at once; the mailer paces them to the SES rate. */
  concurrency?: number;
}

/**
 * Record first, claim, send, mark sent last: a crash or an SES failure leaves the mail unsent in
 * the outbox, and the next run sends it; the claim keeps two overlapping runs from both sending
 * it. The only window for a duplicate is a crash between SES accepting a mail and the mark, one
 * conditional write later (SES has no idempotency key); we prefer that to losing a mail.
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const now = options.now ?? (() => new Date());
  return {
    async enqueue(request, alongside = []) {
      const mail = renderMail(request);
      const at = now().toISOString();
      return (await writeWith(options.store, alongside, (store) => recordMail(store, mail, at))).result;
    },
    async sendNow(mailIds, flushOptions = {}) {
      const run = startRun(options, now, flushOptions);
      for (const id of mailIds) {
        const mail = await getMail(options.store, id);
        if (mail && mail.status === 'unsent') await deliver(run, mail);
      }
      return run.result;
    },
    async flush(flushOptions = {}) {
      const run = startRun(options, now, flushOptions);
      const unsent = listUnsent(options.store);
      const worker = async () => {
        for (;;) {
          const next = await unsent.next();
          if (next.done) return;
          await deliver(run, next.value);
        }
      };
      // One generator shared by the workers: calls to next() queue up, so no mail is taken twice.
      await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
      return run.result;
    },
  };
}

function startRun(options: OutboxOptions, now: () => Date, flushOptions: FlushOptions): FlushRun {
  const asOf = flushOptions.asOf ?? dayBefore(now());
  return {
    store: options.store,
    mailer: options.mailer,
    now,
    left: leaversOf(options.store, asOf),
    asOf,
    result: { sent: 0, failed: 0, deferred: 0, cancelled: 0, givenUp: 0 },
    throttled: false,
  };
}

/** One flush, shared by its workers: the counts so far, and whether SES has throttled us. */
interface FlushRun {
  store: Store;
  mailer: Mailer;
  now: () => Date;
  /** The night this flush belongs to: the date of an administrator's task. */
  asOf: string;
  left: (mail: OutgoingMail) => Promise<boolean>;
  result: FlushResult;
  throttled: boolean;
}

/**
 * One unsent mail: deferred once SES throttled this run; otherwise claimed, then cancelled when
 * every student it is about has left, or sent.
 */
async function deliver(run: FlushRun, mail: OutboxItem): Promise<void> {
  if (run.throttled) {
    run.result.deferred++;
    return;
  }
  const at = run.now();
  const lease = new Date(at.getTime() + LEASE_MS).toISOString();
  if (!(await claimMail(run.store, mail.id, at.toISOString(), lease))) return;
  if (await run.left(mail)) {
    if (await markCancelled(run.store, mail.id, lease, 'student_left', run.now().toISOString()))
      run.result.cancelled++;
    return;
  }
  // Refused often enough before a crash kept it from being given up: never tried again.
  if ((mail.refusals ?? 0) >= MAIL_REFUSALS_BEFORE_GIVING_UP) {
    await giveUp(run, mail, lease, { attempts: mail.attempts, lastError: mail.lastError ?? '' });
    return;
  }
  await send(run, mail);
}

/**
 * Sends a claimed mail and marks it sent, or marks it failed (a throttle defers the rest of the
 * run); the refusal that reaches the limit gives it up.
 */
async function send(run: FlushRun, mail: OutboxItem): Promise<void> {
  try {
    const messageId = await run.mailer.send(mail);
    if (await markSent(run.store, mail.id, messageId, run.now().toISOString())) run.result.sent++;
  } catch (error) {
    if (isThrottling(error)) run.throttled = true;
    run.result.failed++;
    const refused = isRefusal(error);
    const lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const counts = await markFailed(run.store, mail.id, lastError, refused);
    if (refused && counts.refusals >= MAIL_REFUSALS_BEFORE_GIVING_UP) {
      // markFailed gave the claim back: take it again, so that only this sender gives it up.
      const again = run.now();
      const lease2 = new Date(again.getTime() + LEASE_MS).toISOString();
      if (await claimMail(run.store, mail.id, again.toISOString(), lease2))
        await giveUp(run, mail, lease2, { attempts: counts.attempts, lastError });
    }
  }
}

/**
 * The task first (one per mail, a conditional put), then the mail out of the outbox: a crash in
 * between leaves the mail unsent, and the next flush gives it up without another attempt.
 */
async function giveUp(
  run: FlushRun,
  mail: OutboxItem,
  lease: string,
  last: { attempts: number; lastError: string },
): Promise<void> {
  const task = undeliverableMailTask(
    undeliverableMailTaskId(mail.id),
    { mailId: mail.id, kind: mail.kind, to: mail.to, ...last },
    run.asOf,
  );
  // About an address, not a student: it expires with the mail it is about.
  const expiresAt = mail.expiresAt ?? Math.floor(run.now().getTime() / 1000) + MAIL_RETENTION_SECONDS;
  await createTask(run.store, { ...task, expiresAt });
  if (await markUndeliverable(run.store, mail.id, lease, run.now().toISOString())) run.result.givenUp++;
}

/**
 * Whether a mail is about students who have all left by `asOf`: a follow-up mail queued before the
 * leaving (or in the night of it) is then pointless, and the rule is that a leaver gets no
 * mail. Students are read once per flush.
 */
function leaversOf(store: Store, asOf: string): (mail: OutgoingMail) => Promise<boolean> {
  const known = new Map<string, Promise<boolean>>();
  const hasLeft = (studentId: string) => {
    const cached = known.get(studentId);
    if (cached) return cached;
    const answer = getStudent(store, studentId).then((student) => {
      const last = lastEnrolledDay(student);
      return last !== undefined && last <= asOf;
    });
    known.set(studentId, answer);
    return answer;
  };
  return async (mail) => {
    const ids = mail.studentIds ?? [];
    if (ids.length === 0 || !CANCELLED_WHEN_LEFT.has(mail.kind)) return false;
    return (await Promise.all(ids.map(hasLeft))).every(Boolean);
  };
}
