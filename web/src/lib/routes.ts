import { dashboardPath } from '../../../shared/links';

/** The hash routes of the dashboard, parsed without side effects (tested). */
export type Route =
  | { name: 'home' }
  | { name: 'signin' }
  | { name: 'kpi' }
  | { name: 'unit'; unitId: string }
  | { name: 'coach'; teamId: string | null }
  | { name: 'report'; reportId: string }
  | { name: 'student'; studentId: string }
  | { name: 'worklist'; kind: string; unitId: string; owner: string }
  | { name: 'task'; taskId: string }
  | { name: 'letters'; from: string; to: string }
  | { name: 'letter'; letterId: string }
  | { name: 'overviews' }
  | { name: 'admin' }
  | { name: 'import' }
  | { name: 'notfound' };

export function parseHash(hash: string): Route {
  const [pathPart = '', queryPart = ''] = hash.replace(/^#/, '').split('?');
  const parts = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  const q = new URLSearchParams(queryPart);
  const [head, id] = parts;
  switch (head) {
    case undefined:
      return { name: 'home' };
    case 'aanmelden':
      return { name: 'signin' };
    case 'kpi':
      return id ? { name: 'unit', unitId: id } : { name: 'kpi' };
    case 'coach':
      return { name: 'coach', teamId: q.get('team') };
    case 'meldingen':
      return id ? { name: 'report', reportId: id } : { name: 'notfound' };
    case 'studenten':
      return id ? { name: 'student', studentId: id } : { name: 'notfound' };
    case 'werklijst':
      return {
        name: 'worklist',
        kind: q.get('kind') ?? '',
        unitId: q.get('unitId') ?? '',
        owner: q.get('owner') ?? '',
      };
    case 'taken':
      return id ? { name: 'task', taskId: id } : { name: 'notfound' };
    case 'brieven':
      return id
        ? { name: 'letter', letterId: id }
        : { name: 'letters', from: q.get('from') ?? '', to: q.get('to') ?? '' };
    case 'rapportages':
      return { name: 'overviews' };
    case 'beheer':
      return id === 'import' ? { name: 'import' } : { name: 'admin' };
    default:
      return { name: 'notfound' };
  }
}

/** The same builders the mails use (shared/links), so a mail link and a dashboard link cannot drift. */
export const href = dashboardPath;

/** Where someone lands after signing in, by role. */
export function homeFor(roles: readonly string[]): string {
  if (roles.includes('coach')) return href.coach();
  if (roles.includes('attendance_officer') || roles.includes('front_office')) return href.worklist();
  if (roles.includes('manager')) return href.kpi();
  if (roles.includes('admin')) return href.admin();
  return href.coach();
}
