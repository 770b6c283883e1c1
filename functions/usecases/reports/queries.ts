import type { Report } from '../../domain/report';
import type { Store } from '../../store/client';
import { listTeamReports } from '../../store/reports-repository';

/** The team's open list: reports not yet handled (a coach's conversation keeps them there), oldest first. */
export function listOpenReports(store: Store, teamId: string): Promise<Report[]> {
  return listTeamReports(store, teamId, 'open');
}
