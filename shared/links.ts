/**
 * The dashboard's hash routes, built in one place: the dashboard's router links with them and
 * the mails link into the dashboard with them, so a link in a mail always opens a page.
 */
const id = encodeURIComponent;

export const dashboardPath = {
  signin: () => '#/aanmelden',
  kpi: () => '#/kpi',
  unit: (unitId: string) => `#/kpi/${id(unitId)}`,
  coach: (teamId?: string | null) => (teamId ? `#/coach?team=${id(teamId)}` : '#/coach'),
  report: (reportId: string) => `#/meldingen/${id(reportId)}`,
  student: (studentId: string) => `#/studenten/${id(studentId)}`,
  /** The worklist, with its filters (kind, unit, owner) in the URL so a filtered list can be shared. */
  worklist: (filter: { kind?: string; unitId?: string; owner?: string } = {}) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v) q.set(k, v);
    return q.size > 0 ? `#/werklijst?${q}` : '#/werklijst';
  },
  task: (taskId: string) => `#/taken/${id(taskId)}`,
  /** The auditor's archive of letters, with its period in the URL. */
  letters: (period: { from?: string; to?: string } = {}) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(period)) if (v) q.set(k, v);
    return q.size > 0 ? `#/brieven?${q}` : '#/brieven';
  },
  letter: (letterId: string) => `#/brieven/${id(letterId)}`,
  overviews: () => '#/rapportages',
  admin: () => '#/beheer',
  /** The administrator's import of an export (CSV, xlsx). */
  adminImport: () => '#/beheer/import',
};

/** An absolute link to a dashboard page, for mails. */
export const dashboardLink = (dashboardUrl: string, path: string): string =>
  `${dashboardUrl.replace(/\/$/, '')}/${path}`;
