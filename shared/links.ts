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
  worklist: () => '#/werklijst',
  overviews: () => '#/rapportages',
  admin: () => '#/beheer',
};

/** An absolute link to a dashboard page, for mails. */
export const dashboardLink = (dashboardUrl: string, path: string): string =>
  `${dashboardUrl.replace(/\/$/, '')}/${path}`;
