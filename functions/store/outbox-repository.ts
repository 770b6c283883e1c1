import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OutgoingMail } from '../mail/types';
import type { Store } from './client';
import { batchGet, batchPut, byPartition, getItem, queryAll } from './dynamo';
import { conditionHeld } from './errors';
import {
  INDEX,
  mailKey,
  outboxUnsentGsi1,
  outboxUnsentPk,
  STUDENT_MAIL_PREFIX,
  studentMailKey,
  studentPk,
} from './keys';

export interface OutboxItem extends OutgoingMail {
  /** `undeliverable`: SES refused it too often; an administrator's task says so. */
  status: 'unsent' | 'sent' | 'cancelled' | 'undeliverable';
  createdAt: string;
  attempts: number;
  /** How often SES refused it for good (MessageRejected, a bad address); the outbox gives up at a limit. */
  refusals?: number;
  /** TTL (epoch seconds): a year after it was recorded. */
  expiresAt?: number;
  sentAt?: string;
  messageId?: string;
  lastError?: string;
  cancelledAt?: string;
  /** Why it was never sent (`student_left`). */
  cancelledReason?: string;
}

/**
 * A mail is a rendered copy (names, minutes) of what the report, task, case or audit trail
 * keeps anyway. It names its students (`studentIds`, so that it is not sent once they have left),
 * but a combined mail is about several, and `rewriteStudentExpiry` does not look for it. It therefore
 * keeps a short, fixed expiry instead of the student's: a year after it was recorded answers
 * "did the coach get it?", and since RETENTION_YEARS is at least 1 a mail never outlives the
 * data of the student it names by more than the few days between leaving and the outflow mail.
 */
export const MAIL_RETENTION_SECONDS = 366 * 24 * 3600;

/**
 * Records a mail before it is sent. False when a mail with this id was recorded before (never twice).
 * First, for each student it names, a link in the student's partition (AP 54), so that the student's
 * access export finds the mails about them: written before the mail (a repeat rewrites the same
 * links), so no recorded mail lacks its links. A link expires with its mail.
 */
export async function recordMail(store: Store, mail: OutgoingMail, createdAt: string): Promise<boolean> {
  const expiresAt = Math.floor(Date.parse(createdAt) / 1000) + MAIL_RETENTION_SECONDS;
  const links = [...new Set(mail.studentIds ?? [])].map((studentId) => ({
    ...studentMailKey(studentId, mail.id),
    type: 'mail-link',
    mailId: mail.id,
    expiresAt,
  }));
  if (links.length > 0) await batchPut(store, links);
  return conditionHeld(
    store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: {
          ...mailKey(mail.id),
          ...outboxUnsentGsi1(createdAt, mail.id),
          type: 'mail',
          ...mail,
          status: 'unsent',
          createdAt,
          attempts: 0,
          expiresAt,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
}

export async function getMail(store: Store, mailId: string): Promise<OutboxItem | undefined> {
  return (await getItem(store, mailKey(mailId), { consistent: false })) as OutboxItem | undefined;
}

/** Every unsent mail, oldest first. */
export async function listUnsentMails(store: Store): Promise<OutboxItem[]> {
  const mails: OutboxItem[] = [];
  for await (const mail of listUnsent(store)) mails.push(mail);
  return mails;
}

/** Unsent mails, oldest first, one page at a time. */
export async function* listUnsent(store: Store): AsyncGenerator<OutboxItem> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        IndexName: INDEX.gsi1,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': outboxUnsentPk() },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) yield item as OutboxItem;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/**
 * Claims an unsent mail for one sender until `leaseUntil`, so that two runs at once (a retry
 * overlapping a replay) never both send it. False when it is sent, or claimed by another run
 * whose lease has not run out. A crashed sender's claim simply expires.
 */
export function claimMail(store: Store, mailId: string, now: string, leaseUntil: string): Promise<boolean> {
  return conditionHeld(
    store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: mailKey(mailId),
        UpdateExpression: 'SET claimUntil = :lease',
        ConditionExpression: '#status = :unsent AND (attribute_not_exists(claimUntil) OR claimUntil < :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':unsent': 'unsent', ':now': now, ':lease': leaseUntil },
      }),
    ),
  );
}

/**
 * Settles an unsent mail (sent or cancelled): sets its status and `fields`, and takes it out of the
 * unsent index. False when `condition` (on an unsent mail) no longer held.
 */
function settle(
  store: Store,
  mailId: string,
  status: 'sent' | 'cancelled' | 'undeliverable',
  fields: string,
  condition: string,
  values: Record<string, unknown>,
): Promise<boolean> {
  return conditionHeld(
    store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: mailKey(mailId),
        UpdateExpression: `SET #status = :status, ${fields} REMOVE gsi1pk, gsi1sk, claimUntil`,
        ConditionExpression: `#status = :unsent${condition}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status, ':unsent': 'unsent', ...values },
      }),
    ),
  );
}

/** Marks a mail sent and takes it out of the unsent index. False if it was already marked. */
export function markSent(store: Store, mailId: string, messageId: string, sentAt: string): Promise<boolean> {
  return settle(store, mailId, 'sent', 'sentAt = :at, messageId = :mid ADD attempts :one', '', {
    ':at': sentAt,
    ':mid': messageId,
    ':one': 1,
  });
}

/**
 * Records a failed send (the mail stays unsent); a refusal (`refused`) is counted apart. Resolves to
 * the mail's attempts and refusals so far.
 */
export async function markFailed(
  store: Store,
  mailId: string,
  message: string,
  refused = false,
): Promise<{ attempts: number; refusals: number }> {
  const result = await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: mailKey(mailId),
      UpdateExpression: `SET lastError = :error ADD attempts :one${refused ? ', refusals :one' : ''} REMOVE claimUntil`,
      ConditionExpression: '#status = :unsent',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':error': message.slice(0, 500), ':unsent': 'unsent', ':one': 1 },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return {
    attempts: Number(result.Attributes?.attempts ?? 0),
    refusals: Number(result.Attributes?.refusals ?? 0),
  };
}

/**
 * Gives up on a mail SES keeps refusing: no longer unsent, never tried again. Only by the sender
 * holding its claim (`lease`). False when that no longer held.
 */
export function markUndeliverable(store: Store, mailId: string, lease: string, at: string): Promise<boolean> {
  return settle(store, mailId, 'undeliverable', 'undeliverableAt = :at', ' AND claimUntil = :lease', {
    ':at': at,
    ':lease': lease,
  });
}

/**
 * Takes an unsent mail out of the outbox without sending it, keeping it with the reason. Only a
 * mail this sender holds the claim on (`claimUntil` = `lease`), so a send in flight is never undone.
 */
export function markCancelled(
  store: Store,
  mailId: string,
  lease: string,
  reason: string,
  at: string,
): Promise<boolean> {
  return settle(
    store,
    mailId,
    'cancelled',
    'cancelledAt = :at, cancelledReason = :reason',
    ' AND claimUntil = :lease',
    { ':at': at, ':reason': reason, ':lease': lease },
  );
}

/** The mails about a student (AP 54, then AP 21), oldest first; a link whose mail has expired is skipped. */
export async function listStudentMails(store: Store, studentId: string): Promise<OutboxItem[]> {
  const links = await queryAll(
    store,
    byPartition('table', studentPk(studentId), { prefix: STUDENT_MAIL_PREFIX }),
  );
  const found = await batchGet(
    store,
    links.map((l) => mailKey(String(l.mailId))),
  );
  return [...found.values()]
    .map((item) => item as unknown as OutboxItem)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
