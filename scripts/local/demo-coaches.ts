/**
 * The coaches between the demo's nights: after each night, each team's coaches handle the
 * reports of that night and earlier ones that are due for them, through the API as a coach
 * would (local sign-in tokens). Teams differ in how many reports they handle at all and how
 * often they are a few nights late, so the KPI has green, orange and red units and its trend
 * moves from night to night. Every choice is a function of the report's id (seeded), and only
 * open reports are acted on, so a repeated or resumed run does nothing twice (an interruption
 * between a conversation and its "Actie afgerond" leaves that one conversation under way).
 */
import { type Random, seeded } from './prng';

const SEED = 20260901;
/** The demo school's institution (`demo-school.ts`). */
const INSTITUTION = 'roc';

/** How a team's coaches work: the share of reports they handle at all, and the share a few nights late. */
export interface TeamHabit {
  handles: number;
  late: number;
}

/** Chosen so that each department has a team in each KPI colour (green > 90 %, red < 80 %). */
export const TEAM_HABITS: Readonly<Record<string, TeamHabit>> = {
  'team-ict-4': { handles: 1, late: 0.05 },
  'team-mech-3': { handles: 0.88, late: 0.3 },
  'team-bouw-2': { handles: 0.6, late: 0.5 },
  'team-entree-tech': { handles: 0.97, late: 0.15 },
  'team-vig-3': { handles: 1, late: 0.1 },
  'team-pw-4': { handles: 0.9, late: 0.25 },
  'team-hzw-2': { handles: 0.7, late: 0.4 },
  'team-sport-4': { handles: 0.98, late: 0.1 },
  'team-com-4': { handles: 0.95, late: 0.2 },
  'team-log-2': { handles: 0.65, late: 0.5 },
  'team-retail-3': { handles: 0.87, late: 0.3 },
  'team-entree-eco': { handles: 1, late: 0.1 },
};
const USUAL: TeamHabit = { handles: 0.9, late: 0.2 };

export type DemoAction =
  | 'coach_conversation'
  | 'duo'
  | 'correction'
  | 'officer_question'
  | 'officer_conversation';

export interface CoachChoice {
  /** Nights after the one that made the report; 0: the same day. */
  delay: number;
  action: DemoAction;
  /** A coach's own conversation: ticked "Actie afgerond" at once, or still under way. */
  completed: boolean;
}

/** What the coach does with a report: null when it is left open. */
export function coachChoice(report: {
  reportId: string;
  teamId: string;
  mayGoToDuo: boolean;
  routeX: boolean;
}): CoachChoice | null {
  const habit = TEAM_HABITS[report.teamId] ?? USUAL;
  const r: Random = seeded(SEED).fork(report.reportId);
  if (!r.chance(habit.handles)) return null;
  const delay = r.chance(habit.late) ? r.int(3, 6) : r.int(0, 1);
  const roll = r.next();
  let action: DemoAction = 'coach_conversation';
  if (roll < 0.15 && report.mayGoToDuo && !report.routeX) action = 'duo';
  else if (roll >= 0.15 && roll < 0.25) action = 'correction';
  else if (roll >= 0.25 && roll < 0.33) action = 'officer_question';
  else if (roll >= 0.33 && roll < 0.36) action = 'officer_conversation';
  return { delay, action, completed: r.chance(0.85) };
}

const EXPLANATION: Record<DemoAction, string> = {
  coach_conversation: 'Gesprek met de student gepland.',
  duo: 'Structureel verzuim na gesprekken; melden bij DUO.',
  correction: 'Student was aanwezig volgens de docent; registratie klopt niet.',
  officer_question: 'Vraag aan de verzuimbegeleider over de aanpak.',
  officer_conversation: 'Graag een gesprek door de verzuimbegeleider.',
};
const OUTCOME = 'Gesprek gevoerd; afspraken over aanwezigheid gemaakt.';

interface OpenReport {
  reportId: string;
  status: string;
  routeX: boolean;
  createdOn: string;
  duoDeadline?: string | null;
  student: { studentId: string; teamId: string; coachId: string };
}

export type Call = <T>(path: string, token?: string, body?: unknown) => Promise<T>;

/** A JSON call to the local API, failing on any answer but 2xx. */
export function apiCaller(apiUrl: string): Call {
  return async <T>(path: string, token?: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${apiUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`demo: ${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };
}

/** Local sign-in tokens, one per staff member, fetched once. */
export function tokens(call: Call): (staffId: string) => Promise<string> {
  const known = new Map<string, string>();
  return async (staffId) => {
    const token =
      known.get(staffId) ??
      (await call<{ token: string }>('/auth/local/token', undefined, { staffId })).token;
    known.set(staffId, token);
    return token;
  };
}

export interface CoachesOptions {
  apiUrl: string;
  /** The demo's school days, oldest first. */
  schoolDays: readonly string[];
  /** The night just run (an index into `schoolDays`). */
  night: number;
}

/** Every page of a paged list, following `nextCursor`. */
export async function allPages<T>(
  call: Call,
  path: string,
  token: string,
  key: 'reports' | 'items',
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
    const page: Record<string, unknown> & { nextCursor: string | null } = await call(
      `${path}${query}`,
      token,
    );
    out.push(...((page[key] ?? []) as T[]));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** One report's act when it is due by `night`; false when it is not due yet or left open. */
async function actOn(call: Call, token: string, report: OpenReport, made: number, night: number) {
  const choice = coachChoice({
    reportId: report.reportId,
    teamId: report.student.teamId,
    mayGoToDuo: Boolean(report.duoDeadline),
    routeX: report.routeX,
  });
  if (!choice || made + choice.delay > night) return false;
  const path = `/reports/${encodeURIComponent(report.reportId)}`;
  await call(`${path}/action`, token, { action: choice.action, explanation: EXPLANATION[choice.action] });
  if (choice.action === 'coach_conversation' && choice.completed) {
    await call(`${path}/complete`, token, { outcome: OUTCOME });
  }
  return true;
}

/**
 * The coaches' acts after one night: every open report whose choice is due by then, each by the
 * student's coach. The open reports come from the institution's live list (one paged query, as
 * the officer sees it) rather than each coach's start page: forty nights of two dozen start
 * pages would double the demo's load time.
 */
export async function coachesAct(options: CoachesOptions): Promise<number> {
  const call = apiCaller(options.apiUrl);
  const tokenOf = tokens(call);
  const dayIndex = new Map(options.schoolDays.map((d, i) => [d, i]));
  const reports = await allPages<OpenReport>(
    call,
    `/units/${INSTITUTION}/open-reports`,
    await tokenOf('vb-1'),
    'items',
  );
  // Oldest first, as a coach works through the list; ids break ties so the order is fixed.
  reports.sort((a, b) => `${a.createdOn} ${a.reportId}`.localeCompare(`${b.createdOn} ${b.reportId}`));
  let acted = 0;
  for (const report of reports) {
    if (report.status !== 'open') continue;
    const made = dayIndex.get(report.createdOn) ?? 0;
    if (await actOn(call, await tokenOf(report.student.coachId), report, made, options.night)) acted++;
  }
  return acted;
}
