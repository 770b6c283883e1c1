import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { JWK } from 'jose';
import { LocalSignInBody } from '../../shared/api/auth';
import { openApiDocument } from '../../shared/api/openapi';
import type { RouteName } from '../../shared/api/routes';
import { issueLocalToken } from '../auth/local-issuer';
import type { Principal } from '../auth/principal';
import { InvalidTokenError, type TokenVerifier, type VerifiedIdentity } from '../auth/token-verifier';
import { problemResponse } from '../middleware/json-errors';
import { SERVICE_NAMES } from '../service-names';
import type { RouteContext, RouteHandler, RouteResult } from './context';
import { domainErrorBody, statusOfDomainError } from './domain-errors';
import { forbidden, HttpProblem, notFound, OutOfScope, unauthorized } from './errors';
import type { ApiData, ImportPort, OrgUnitRecord } from './ports';
import { type Match, matchRoute } from './router';
import { admin, postNotice, saveCalendar, saveNormProfile, withdrawNotice } from './routes/admin';
import { coachPage, coachStudents } from './routes/coach';
import { importDryRun, importRun } from './routes/import';
import { kpi, remindCoach, unitReports } from './routes/kpi';
import { luxuryHints, luxuryReport } from './routes/luxury';
import { me } from './routes/me';
import { coachOutflow, outflowStep } from './routes/outflow';
import { overview, overviewCsv } from './routes/overviews';
import {
  accessExport,
  applyAction,
  bulkAction,
  completeConversation,
  getReport,
  referral,
  studentPage,
  studentReads,
} from './routes/reports';
import { completeStep, letter, letters, task } from './routes/tasks';
import {
  duoEndDate,
  duoExport,
  duoStatus,
  taskOwner,
  taskStatus,
  worklist,
  worklistCsv,
} from './routes/worklist';
import { principalOf } from './sign-in';
import { parseBody } from './validate';

export interface ApiDeps {
  data: ApiData;
  /** The administrator's import (functions/wiring/api.ts builds it over the ingestion use case). */
  imports?: ImportPort;
  verifier: TokenVerifier;
  /** Present only with AUTH_MODE=local: enables the local sign-in routes. */
  localSigningKey?: JWK;
  now?: () => Date;
  /** Where refusals are logged (warn); the handler passes its Powertools logger. */
  logger?: Pick<Logger, 'warn'>;
}

type Authenticated = Exclude<RouteName, 'localStaff' | 'localSignIn' | 'openapi'>;

const ROUTES: Record<Authenticated, RouteHandler> = {
  me,
  kpi,
  unitReports,
  remindCoach,
  coach: coachPage,
  report: getReport,
  applyAction,
  completeConversation,
  referral,
  student: studentPage,
  studentReads,
  accessExport,
  worklist,
  worklistCsv,
  taskOwner,
  taskStatus,
  duoStatus,
  task,
  completeStep,
  letters,
  letter,
  duoEndDate,
  duoExport,
  coachOutflow,
  outflowStep,
  luxuryReport,
  luxuryHints,
  overview,
  overviewCsv,
  admin,
  coachStudents,
  bulkAction,
  postNotice,
  withdrawNotice,
  saveCalendar,
  saveNormProfile,
  importDryRun,
  importRun,
};

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

function reply(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: JSON_HEADERS, body: JSON.stringify(body) };
}

function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  for (const [k, v] of Object.entries(event.headers ?? {})) if (k.toLowerCase() === name) return v;
  return undefined;
}

/** The dashboard API as a plain function of an API Gateway v2 event. */
export function createApi(deps: ApiDeps) {
  const now = deps.now ?? (() => new Date());
  const openapi = openApiDocument();
  const logger = deps.logger ?? new Logger({ serviceName: SERVICE_NAMES.api });

  async function identityOf(event: APIGatewayProxyEventV2): Promise<VerifiedIdentity> {
    const auth = header(event, 'authorization');
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    if (!token) throw unauthorized('not signed in');
    try {
      return await deps.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthorized('invalid token');
      throw error;
    }
  }

  /** A refusal of a signed-in staff member: a warning in the log and an entry in the audit trail. */
  async function recordRefusal(principal: Principal, match: Match, error: HttpProblem): Promise<void> {
    const target =
      error instanceof OutOfScope ? error.target : Object.values(match.params).join(',') || match.name;
    const route = `${match.spec.method} ${match.spec.path}`;
    logger.warn('request refused', { staffId: principal.staffId, route, target, status: error.statusCode });
    await deps.data.audit({
      at: now().toISOString(),
      staffId: principal.staffId,
      action: 'refused',
      subject: `${route} ${target}`,
    });
  }

  async function publicRoute(name: RouteName, body: unknown): Promise<RouteResult | null> {
    if (name === 'openapi') return { json: openapi };
    if (name !== 'localStaff' && name !== 'localSignIn') return null;
    if (!deps.localSigningKey) throw notFound('local sign-in is off');
    // The local sign-in list: the staff in the table less those provisioning disabled.
    const all = await deps.data.listStaff();
    const enabled = await Promise.all(all.map((s) => deps.data.signInEnabled(s.staffId)));
    const staff = all.filter((_, i) => enabled[i]);
    if (name === 'localStaff') {
      const list = staff
        .map(({ staffId, name, email, roles }) => ({ staffId, name, email, roles }))
        .sort((a, b) => a.name.localeCompare(b.name));
      return { json: { staff: list } };
    }
    const { staffId } = parseBody(LocalSignInBody, body);
    const who = staff.find((s) => s.staffId === staffId);
    if (!who) throw notFound('unknown staff member');
    // Token lifetimes follow the wall clock that `jwtVerify` checks, not the injected business date.
    return { json: { token: await issueLocalToken(deps.localSigningKey, who, new Date()) } };
  }

  /** A route behind sign-in: the caller's principal, its role checked, then the route's handler. */
  async function authenticatedRoute(
    match: Match,
    event: APIGatewayProxyEventV2,
    body: unknown,
  ): Promise<RouteResult> {
    const identity = await identityOf(event);
    let principal: Principal;
    try {
      principal = await principalOf(deps.data, identity);
    } catch (error) {
      if (error instanceof HttpProblem) logger.warn('sign-in refused', { reason: error.message });
      throw error;
    }
    try {
      const roles = match.spec.roles;
      if (roles !== 'public' && !principal.roles.some((r) => roles.includes(r))) {
        throw forbidden('your role may not do this');
      }
      return await runRoute(match, event, body, principal);
    } catch (error) {
      if (error instanceof OutOfScope || (error instanceof HttpProblem && error.statusCode === 403)) {
        await recordRefusal(principal, match, error);
      }
      throw error;
    }
  }

  function runRoute(
    match: Match,
    event: APIGatewayProxyEventV2,
    body: unknown,
    principal: Principal,
  ): Promise<RouteResult> {
    let units: Promise<OrgUnitRecord[]> | undefined;
    const ctx: RouteContext = {
      principal,
      params: match.params,
      query: event.queryStringParameters ?? {},
      body,
      data: deps.data,
      ...(deps.imports ? { imports: deps.imports } : {}),
      now: now(),
      units: () => {
        units ??= deps.data.listOrgUnits();
        return units;
      },
    };
    return ROUTES[match.name as Authenticated](ctx);
  }

  return async function handle(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
    try {
      const method = event.requestContext?.http?.method ?? 'GET';
      const match = matchRoute(method, event.rawPath);
      if (match === null) return reply(404, { error: 'not found' });
      if ('allowed' in match) return reply(405, { error: 'method not allowed' });

      const parsed = jsonBody(event);
      if (!parsed.ok) return reply(400, { error: 'body is not JSON' });
      const { body } = parsed;

      const result = (await publicRoute(match.name, body)) ?? (await authenticatedRoute(match, event, body));
      return routeResponse(result);
    } catch (error) {
      if (error instanceof HttpProblem) return problemResponse(error, JSON_HEADERS);
      const status = statusOfDomainError(error);
      // A missing record answers like any other unknown id: the same 404 as an id out of scope.
      if (status === 404) return reply(404, { error: 'not found' });
      if (status) return reply(status, domainErrorBody(error as Error));
      throw error;
    }
  };
}

/** The request's body parsed as JSON (undefined without a body); not ok when it is no JSON. */
function jsonBody(event: APIGatewayProxyEventV2): { ok: true; body: unknown } | { ok: false } {
  if (!event.body) return { ok: true, body: undefined };
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return { ok: true, body: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

/** A route's result as the HTTP answer: a CSV download, an HTML document, or JSON. */
function routeResponse(result: RouteResult): APIGatewayProxyStructuredResultV2 {
  if ('csv' in result) {
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${result.filename}"`,
        'cache-control': 'no-store',
      },
      body: result.csv,
    };
  }
  if ('html' in result) {
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        // The document is self-contained: no script, no outside resource, and no framing by others.
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      },
      body: result.html,
    };
  }
  return reply(200, result.json);
}
