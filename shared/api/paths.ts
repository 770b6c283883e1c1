/**
 * Where each API route lives: its method, its path and the query parameters it reads. Zod-free,
 * so the web client builds its requests from it without pulling the schemas into its bundle;
 * `routes.ts` adds the summary, the roles and the schemas to make `API_ROUTES`.
 */
export const ROUTE_PATHS = {
  me: { method: 'GET', path: '/api/me' },
  kpi: { method: 'GET', path: '/api/kpi' },
  unitReports: { method: 'GET', path: '/api/units/{unitId}/open-reports', query: ['cursor'] },
  remindCoach: { method: 'POST', path: '/api/units/{unitId}/coaches/{coachId}/reminder' },
  coach: { method: 'GET', path: '/api/coach', query: ['teamId', 'cursor'] },
  report: { method: 'GET', path: '/api/reports/{reportId}' },
  applyAction: { method: 'POST', path: '/api/reports/{reportId}/action' },
  completeConversation: { method: 'POST', path: '/api/reports/{reportId}/complete' },
  referral: { method: 'POST', path: '/api/students/{studentId}/referrals' },
  student: { method: 'GET', path: '/api/students/{studentId}' },
  studentReads: { method: 'GET', path: '/api/students/{studentId}/reads' },
  accessExport: { method: 'GET', path: '/api/students/{studentId}/access-export', query: ['format'] },
  worklist: { method: 'GET', path: '/api/worklist', query: ['kind', 'unitId', 'owner', 'cursor'] },
  worklistCsv: { method: 'GET', path: '/api/worklist/csv', query: ['kind', 'unitId', 'owner'] },
  taskStatus: { method: 'POST', path: '/api/tasks/{taskId}/status' },
  taskOwner: { method: 'POST', path: '/api/tasks/{taskId}/owner' },
  duoStatus: { method: 'POST', path: '/api/tasks/{taskId}/duo' },
  task: { method: 'GET', path: '/api/tasks/{taskId}' },
  completeStep: { method: 'POST', path: '/api/tasks/{taskId}/steps' },
  letters: { method: 'GET', path: '/api/letters', query: ['from', 'to'] },
  letter: { method: 'GET', path: '/api/letters/{letterId}' },
  duoEndDate: { method: 'POST', path: '/api/tasks/{taskId}/duo-end-date' },
  duoExport: { method: 'GET', path: '/api/duo/export.csv' },
  coachOutflow: { method: 'GET', path: '/api/coach/outflow-cases' },
  outflowStep: { method: 'POST', path: '/api/cases/{caseId}/steps' },
  luxuryReport: { method: 'POST', path: '/api/students/{studentId}/luxury-reports' },
  luxuryHints: { method: 'GET', path: '/api/worklist/luxury-hints' },
  overview: { method: 'GET', path: '/api/overviews/{kind}', query: ['unitId', 'from', 'to', 'cursor'] },
  overviewCsv: { method: 'GET', path: '/api/overviews/{kind}/csv', query: ['unitId', 'from', 'to'] },
  admin: { method: 'GET', path: '/api/admin' },
  postNotice: { method: 'POST', path: '/api/admin/notices' },
  withdrawNotice: { method: 'POST', path: '/api/admin/notices/withdraw' },
  saveCalendar: { method: 'POST', path: '/api/admin/calendar' },
  saveNormProfile: { method: 'POST', path: '/api/admin/norm-profiles/{profileId}' },
  importDryRun: { method: 'POST', path: '/api/admin/import/dry-run' },
  importRun: { method: 'POST', path: '/api/admin/import' },
  localStaff: { method: 'GET', path: '/api/auth/local/staff' },
  localSignIn: { method: 'POST', path: '/api/auth/local/token' },
  openapi: { method: 'GET', path: '/api/openapi.json' },
  // Part L (#13): the coach's students with their count, one action on several reports.
  coachStudents: { method: 'GET', path: '/api/coach/students' },
  bulkAction: { method: 'POST', path: '/api/reports/bulk-action' },
} as const satisfies Record<string, { method: 'GET' | 'POST'; path: string; query?: readonly string[] }>;

type Name = keyof typeof ROUTE_PATHS;

/** The `{name}` placeholders of a path. */
type PlaceholdersIn<P extends string> = P extends `${string}{${infer K}}${infer Rest}`
  ? K | PlaceholdersIn<Rest>
  : never;

export type PathParams<N extends Name> = Record<PlaceholdersIn<(typeof ROUTE_PATHS)[N]['path']>, string>;

/** The query parameters a route reads; empty values are left out of the URL. */
export type PathQuery<N extends Name> = Partial<
  Record<
    (typeof ROUTE_PATHS)[N] extends { query: readonly (infer Q extends string)[] } ? Q : never,
    string | null | undefined
  >
>;

/** A route without placeholders takes no parameters. */
export type PathArgs<N extends Name> = [keyof PathParams<N>] extends [never]
  ? [params?: PathParams<N>, query?: PathQuery<N>]
  : [params: PathParams<N>, query?: PathQuery<N>];

/** The URL path of a route: placeholders filled in (encoded), the non-empty query appended. */
export function pathOf<N extends Name>(name: N, ...[params, query]: PathArgs<N>): string {
  const values: Record<string, string> = params ?? {};
  const path = ROUTE_PATHS[name].path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new TypeError(`${name}: no value for {${key}}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value) search.set(key, value as string);
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}
