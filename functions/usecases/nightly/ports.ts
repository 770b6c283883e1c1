import type { SchoolCalendar } from '../../../shared/calendar';
import { dashboardLink } from '../../../shared/links';
import type { KpiUnit, NormProfiles } from '../../../shared/policy';
import type { EventBus } from '../../events/types';
import type { Outbox } from '../../mail/outbox';
import type { Store } from '../../store/client';

export interface Person {
  staffId: string;
  name: string;
  email: string;
}

/** Who receives what: read once per run from the staff and org-unit repositories. */
export interface Directory {
  staff(staffId: string): Person | undefined;
  withRole(role: 'attendance_officer' | 'front_office'): Person[];
  orgUnits: KpiUnit[];
}

export interface NightlyConfig {
  dashboardUrl: string;
  /** MAIL_GUARDIANS=on: the 8-hour signal also goes to the guardian of a student under 18. */
  mailGuardians: boolean;
  /** RETENTION_YEARS: every item the run writes expires this long after the student left (or its date). */
  retentionYears: number;
}

export interface NightlyDeps {
  store: Store;
  outbox: Outbox;
  bus: EventBus;
  calendar: SchoolCalendar;
  /** The norm profiles in force (the administrator's, else the bundled ones); absent: the bundled ones. */
  profiles?: NormProfiles;
  loadDirectory: () => Promise<Directory>;
  config: NightlyConfig;
  /** Students evaluated at once. */
  concurrency?: number;
  log?: (message: string, data?: Record<string, unknown>) => void;
  /** Where a student's failed evaluation is reported (the logger's error level); `log` otherwise. */
  logError?: (message: string, data?: Record<string, unknown>) => void;
}

export const link = (config: NightlyConfig, path: string): string => dashboardLink(config.dashboardUrl, path);
