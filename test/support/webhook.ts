import { randomBytes, randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { Webhook } from 'standardwebhooks';
import type { StudentData } from '../../shared/contract/events';

/**
 * The webhook's clock in the harnesses: after every date the tests send, so that none is refused
 * as lying in the future whatever day the tests run; fixed, so that no test flakes on it.
 */
export const HARNESS_NOW = new Date('2028-07-21T12:00:00Z');

/** A fresh `whsec_` secret. */
export const newSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

export interface SignOptions {
  secret: string;
  id?: string;
  /** Unix seconds; default now. */
  timestamp?: number;
}

/** Standard Webhooks headers for a raw body, as the presence system sends them. */
export function signHeaders(body: string, options: SignOptions): Record<string, string> {
  const id = options.id ?? `msg_${randomUUID()}`;
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = new Webhook(options.secret).sign(id, new Date(timestamp * 1000), body);
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
}

/** An API Gateway HTTP API (payload v2) event for POST /webhooks/presence. */
export function webhookEvent(
  body: string,
  headers: Record<string, string>,
  options: { base64?: boolean } = {},
): APIGatewayProxyEventV2 {
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: 'POST /webhooks/presence',
    rawPath: '/webhooks/presence',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...headers },
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: 'POST',
        path: '/webhooks/presence',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'test',
      },
      requestId: randomUUID(),
      routeKey: 'POST /webhooks/presence',
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
    },
    body: options.base64 ? Buffer.from(body, 'utf8').toString('base64') : body,
    isBase64Encoded: options.base64 ?? false,
  };
}

/** A signed delivery event: body, headers and the event, ready for the handler. */
export function signedDelivery(
  payload: unknown,
  options: SignOptions & { base64?: boolean; contentType?: string },
): APIGatewayProxyEventV2 {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const headers = signHeaders(body, options);
  if (options.contentType !== undefined) headers['content-type'] = options.contentType;
  return webhookEvent(body, headers, { base64: options.base64 ?? false });
}

export const lambdaContext = (): Context =>
  ({
    functionName: 'presence-webhook',
    functionVersion: '$LATEST',
    awsRequestId: randomUUID(),
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:presence-webhook',
    memoryLimitInMB: '512',
    getRemainingTimeInMillis: () => 30_000,
  }) as unknown as Context;

export interface WebhookReply {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown> & { results?: Array<{ id: string; outcome: string }> };
}

/** Parses a structured result into status and JSON body. */
export function reply(result: APIGatewayProxyStructuredResultV2): WebhookReply {
  return {
    status: result.statusCode ?? 0,
    headers: Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)])),
    body: result.body ? JSON.parse(result.body) : {},
  };
}

// ── event builders (valid per the contract; override what a test is about) ──

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${++sequence}-${randomUUID().slice(0, 6)}`;
type Json = Record<string, unknown>;

/** A student as the presence system describes one (the data of `student.upserted`). */
export function studentData(studentId: string, data: Partial<StudentData> = {}): StudentData {
  return {
    studentId,
    displayName: `Student ${studentId}`,
    email: `${studentId}@student.school.example`,
    birthDate: '2009-03-14',
    teamId: 'team-ict',
    coachId: 'c-jansen',
    level: '4',
    pathway: 'BOL',
    routeX: false,
    startQualification: false,
    enrolledFrom: '2025-08-25',
    enrolledUntil: null,
    ...data,
  };
}

export function studentEvent(studentId: string, data: Json = {}, envelope: Json = {}): Json {
  return {
    id: nextId('evt-stu'),
    type: 'student.upserted',
    occurredAt: '2026-09-01T07:00:00+02:00',
    data: { ...studentData(studentId), ...data },
    ...envelope,
  };
}

export function registrationEvent(
  data: Json & { registrationId: string; studentId: string },
  envelope: Json = {},
): Json {
  return {
    id: nextId('evt-reg'),
    type: 'registration.upserted',
    occurredAt: '2026-10-05T10:00:00+02:00',
    data: { revision: 0, date: '2026-10-05', start: '08:30', end: '10:00', status: 'absent', ...data },
    ...envelope,
  };
}

export function deletionEvent(registrationId: string, revision: number, envelope: Json = {}): Json {
  return {
    id: nextId('evt-del'),
    type: 'registration.deleted',
    occurredAt: '2026-10-05T12:00:00+02:00',
    data: { registrationId, revision },
    ...envelope,
  };
}

export function noticeEvent(date: string, envelope: Json = {}): Json {
  return {
    id: nextId('evt-notice'),
    type: 'portal.notice',
    occurredAt: `${date}T06:00:00+01:00`,
    data: { date, kind: 'severe_weather', text: 'Code rood' },
    ...envelope,
  };
}

export function leftEvent(studentId: string, date: string, envelope: Json = {}): Json {
  return {
    id: nextId('evt-left'),
    type: 'student.left',
    occurredAt: `${date}T12:00:00+02:00`,
    data: { studentId, date, diplomaObtained: true },
    ...envelope,
  };
}

export const batch = (...events: Json[]) => ({ events });
