import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll } from 'vitest';
import { type ApiDeps, createApi } from '../../../functions/api/app';
import { apiEnv } from '../../../functions/api/config';
import { issueLocalToken } from '../../../functions/auth/local-issuer';
import {
  LOCAL_ALG,
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  loadOrCreateLocalKey,
} from '../../../functions/auth/local-keys';
import { parseEnv } from '../../../functions/config';
import type { Expiring } from '../../../functions/domain/expiring';
import type { Report } from '../../../functions/domain/report';
import type { Task } from '../../../functions/domain/task';
import { createLocalBus, type LocalEventBus } from '../../../functions/events/local-bus';
import { createCase } from '../../../functions/store/cases-repository';
import type { Store } from '../../../functions/store/client';
import { putKpiSnapshot } from '../../../functions/store/kpi-snapshots-repository';
import { putOrgUnit } from '../../../functions/store/org-units';
import { createReport } from '../../../functions/store/reports-repository';
import { putStaff } from '../../../functions/store/staff';
import { putStudent } from '../../../functions/store/students';
import { createTask } from '../../../functions/store/tasks-repository';
import { liveVersion, writeRegistrations } from '../../../functions/usecases/ingest/write-registrations';
import { createApiDeps } from '../../../functions/wiring/api';
import { addDays } from '../../../shared/calendar/dates';
import { startTestTable, type TestTable } from '../../support/dynalite';

export const NOW = new Date('2026-11-20T10:00:00Z');
const meta = (id: string) => ({ version: 1, eventIds: [`evt-${id}`], expiresAt: 4_102_444_800 });

export const STAFF = {
  coachA: {
    staffId: 'coach-a',
    name: 'Anna Coach',
    email: 'anna@school.example',
    roles: ['coach'],
    orgUnitIds: ['team-a'],
  },
  coachB: {
    staffId: 'coach-b',
    name: 'Bram Coach',
    email: 'bram@school.example',
    roles: ['coach'],
    orgUnitIds: ['team-b'],
  },
  manager: {
    staffId: 'om-tech',
    name: 'Mila Manager',
    email: 'mila@school.example',
    roles: ['manager'],
    orgUnitIds: ['dep-tech'],
  },
  officer: {
    staffId: 'vb-1',
    name: 'Olaf Officer',
    email: 'olaf@school.example',
    roles: ['attendance_officer'],
    orgUnitIds: [],
  },
  front: {
    staffId: 'fo-1',
    name: 'Fenna Front',
    email: 'fenna@school.example',
    roles: ['front_office'],
    orgUnitIds: [],
  },
  admin: {
    staffId: 'adm-1',
    name: 'Ada Admin',
    email: 'ada@school.example',
    roles: ['admin'],
    orgUnitIds: [],
  },
} as const;
export type Who = keyof typeof STAFF;
export { addDays };

/** Far enough out for any test; what an expiry is worth is tested in test/integration/retention. */
const EXPIRES_AT = 4_102_444_800;

/** An open 16-hour report of `studentId`, made on `createdOn`, as the seed stores them. */
export function report(
  id: string,
  studentId: string,
  teamId: string,
  coachId: string,
  createdOn: string,
  today: string,
): Expiring<Report> {
  return {
    reportId: id,
    signalId: `${studentId}:report16:${createdOn}`,
    studentId,
    studentName: studentId === 's-a' ? 'Sam Aalders' : 'Bo Bakker',
    teamId,
    coachId,
    routeX: false,
    addressee: 'lpa',
    from: addDays(today, -25),
    to: addDays(today, -7),
    unauthorizedMinutes: 960,
    absentDays: 6,
    allLessonsMissed: false,
    createdOn,
    dueDate: id === 'r-a-27' ? addDays(today, -1) : today,
    status: 'open',
    actions: [],
    version: 1,
    expiresAt: EXPIRES_AT,
  };
}

/**
 * A small school: two departments, two teams, a coach each, one student each, 55 open reports
 * in team A created over the 28 days before `today`, and last night's KPI.
 */
export async function seed(store: Store, today = '2026-11-20'): Promise<void> {
  const units = [
    { orgUnitId: 'inst', name: 'De Leijgraaf', kind: 'institution', parentId: null },
    { orgUnitId: 'dep-tech', name: 'Techniek', kind: 'department', parentId: 'inst' },
    { orgUnitId: 'dep-zorg', name: 'Zorg', kind: 'department', parentId: 'inst' },
    { orgUnitId: 'team-a', name: 'Techniek A', kind: 'team', parentId: 'dep-tech' },
    { orgUnitId: 'team-b', name: 'Zorg B', kind: 'team', parentId: 'dep-zorg' },
  ] as const;
  for (const u of units) await putOrgUnit(store, u, meta(u.orgUnitId));
  for (const s of Object.values(STAFF))
    await putStaff(store, { ...s, roles: [...s.roles], orgUnitIds: [...s.orgUnitIds] }, meta(s.staffId));
  const student = (studentId: string, displayName: string, teamId: string, coachId: string) => ({
    studentId,
    displayName,
    email: `${studentId}@student.example`,
    birthDate: '2009-03-01',
    teamId,
    coachId,
    level: '2' as const,
    pathway: 'BOL' as const,
    routeX: false,
    startQualification: false,
    enrolledFrom: '2025-08-18',
  });
  await putStudent(store, student('s-a', 'Sam Aalders', 'team-a', 'coach-a'), meta('s-a'));
  await putStudent(store, student('s-b', 'Bo Bakker', 'team-b', 'coach-b'), meta('s-b'));
  for (let i = 0; i < 55; i++) {
    const createdOn = addDays(today, -1 - (i % 28));
    await createReport(
      store,
      report(`r-a-${String(i).padStart(2, '0')}`, 's-a', 'team-a', 'coach-a', createdOn, today),
    );
  }
  await createReport(store, report('r-b', 's-b', 'team-b', 'coach-b', addDays(today, -4), today));
  const lesson = {
    registrationId: 'reg-1',
    revision: 1,
    studentId: 's-a',
    date: addDays(today, -18),
    status: 'absent',
    start: '08:30',
    end: '10:00',
    reason: 'truancy',
    classification: {
      kind: 'unauthorized',
      minutesMissed: 90,
      lessonMinutes: 90,
      ruleId: 'truancy',
      sick: false,
    },
  } as const;
  await writeRegistrations(
    store,
    new Date(),
    { changed: [liveVersion(lesson, { expiresAt: 4_102_444_800 })] },
    new Map(),
  );
  for (const [orgUnitId, norm, realisation] of [
    ['inst', 56, 0],
    ['dep-tech', 55, 0],
    ['team-a', 55, 0],
    ['dep-zorg', 1, 0],
    ['team-b', 1, 0],
  ] as const) {
    await putKpiSnapshot(
      store,
      {
        orgUnitId,
        date: addDays(today, -1),
        norm,
        realisation,
        percentage: (realisation / norm) * 100,
        colour: 'red',
        unhandled: [],
      },
      EXPIRES_AT,
    );
  }
  const task = (taskId: string, kind: Task['kind'], role: Task['role']): Expiring<Task> => ({
    taskId,
    kind,
    role,
    studentId: 's-b',
    studentName: 'Bo Bakker',
    teamId: 'team-b',
    status: 'open',
    createdOn: '2026-11-18',
    dueDate: '2026-11-25',
    explanation: 'Rooster klopte niet',
    version: 1,
    expiresAt: EXPIRES_AT,
  });
  await createTask(store, task('t-correction', 'correction', 'front_office'));
  await createTask(store, task('t-question', 'officer_question', 'attendance_officer'));
  await createCase(store, {
    caseId: 'case-b',
    studentId: 's-b',
    studentName: 'Bo Bakker',
    teamId: 'team-b',
    coachId: 'coach-b',
    leftOn: addDays(today, -3),
    involveCounsellor: true,
    status: 'open',
    createdOn: addDays(today, -2),
    version: 1,
    expiresAt: EXPIRES_AT,
  });
}

export interface Client {
  call(
    who: Who | null,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: any; text: string; headers: Record<string, unknown> }>;
  token(who: Who): Promise<string>;
  /** A token signed by the API's local key with exactly these claims (iss, aud, iat, exp added). */
  tokenWith(claims: Record<string, unknown>): Promise<string>;
  /** Calls the API with a bearer token of one's own making. */
  callWith(
    token: string,
    method: 'GET' | 'POST',
    path: string,
  ): Promise<Pick<Awaited<ReturnType<Client['call']>>, 'status' | 'json'>>;
  /** Domain events the API published, oldest first. */
  bus: LocalEventBus;
}

export const DASHBOARD_URL = 'https://presentie.school.example';

export async function apiClient(
  store: Store,
  now: Date = NOW,
  logger?: ApiDeps['logger'],
): Promise<Client & { raw: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2> }> {
  const key = await loadOrCreateLocalKey({});
  const bus = createLocalBus();
  // The API's own wiring, with the test's table, a bus the tests can read and a fixed clock.
  const env = parseEnv(apiEnv, {
    TABLE_NAME: store.tableName,
    AUTH_MODE: 'local',
    DASHBOARD_URL,
    LOCAL_AUTH_PRIVATE_JWK: JSON.stringify(key.privateJwk),
  });
  const deps = await createApiDeps(env, { store, bus, now: () => now });
  const handle = createApi(logger ? { ...deps, logger } : deps);
  const token = (who: Who) => {
    const s = STAFF[who];
    return issueLocalToken(
      key.privateJwk,
      { staffId: s.staffId, email: s.email, roles: s.roles },
      new Date(),
    );
  };
  const tokenWith = async (claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: LOCAL_ALG, kid: key.privateJwk.kid ?? 'local' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(await importJWK(key.privateJwk, LOCAL_ALG));
  return {
    raw: handle,
    token,
    tokenWith,
    async callWith(bearer, method, path) {
      const [rawPath = '', rawQuery = ''] = path.split('?');
      const res = await handle({
        rawPath,
        headers: { authorization: `Bearer ${bearer}` },
        ...(rawQuery ? { queryStringParameters: Object.fromEntries(new URLSearchParams(rawQuery)) } : {}),
        requestContext: { http: { method, path: rawPath } },
      } as unknown as APIGatewayProxyEventV2);
      const text = String(res.body ?? '');
      return { status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined };
    },
    bus,
    async call(who, method, path, body) {
      const [rawPath = '', rawQuery = ''] = path.split('?');
      const query = Object.fromEntries(new URLSearchParams(rawQuery));
      const event = {
        version: '2.0',
        routeKey: 'ANY /api/{proxy+}',
        rawPath,
        rawQueryString: rawQuery,
        headers: {
          ...(who ? { authorization: `Bearer ${await token(who)}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(rawQuery ? { queryStringParameters: query } : {}),
        requestContext: { http: { method, path: rawPath } },
        body: body === undefined ? undefined : JSON.stringify(body),
        isBase64Encoded: false,
      } as unknown as APIGatewayProxyEventV2;
      const res = await handle(event);
      const text = String(res.body ?? '');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.statusCode ?? 0, json, text, headers: res.headers ?? {} };
    },
  };
}

/** For one test file: a table seeded before its tests, an API client on it, and the table stopped after. */
export function useSeededApi(): { readonly table: TestTable; readonly api: Client } {
  const sys = {} as { table: TestTable; api: Client };
  beforeAll(async () => {
    sys.table = await startTestTable();
    await seed(sys.table);
    sys.api = await apiClient(sys.table);
  });
  afterAll(async () => {
    await sys.table?.stop();
  });
  return sys;
}
