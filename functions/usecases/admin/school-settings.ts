/**
 * The school's calendar and norm profiles in force: the administrator's edit when one is stored
 * (AP 61/62), else the data bundled with the code. Every nightly run, webhook delivery and API
 * request reads them afresh (one GetItem each; building the calendar takes well under a
 * millisecond), so a saved edit applies from the next run without a deploy.
 *
 * A save is validated (pure rules in shared/), then written with its audit entry (before and
 * after) in one transaction, conditional on the version the administrator edited.
 */
import {
  type CalendarData,
  defaultCalendar,
  defaultCalendarData,
  SchoolCalendar,
  validateCalendar,
} from '../../../shared/calendar';
import {
  NORM_PROFILES,
  type NormProfile,
  type NormProfiles,
  validateProfileChange,
} from '../../../shared/policy';
import { localDate } from '../../domain/dates';
import { auditItem } from '../../store/audit-repository';
import type { Store } from '../../store/client';
import { dateItemExpiry } from '../../store/retention';
import { getSetting, putSetting, type SettingName } from '../../store/school-settings';
import { commitWith } from '../effects/commit';
import { CalendarRefused, ProfileRefused, UnknownProfile } from './errors';

export interface SchoolSettings {
  calendar: SchoolCalendar;
  calendarData: CalendarData;
  /** 0 while the bundled calendar is in force. */
  calendarVersion: number;
  profiles: NormProfiles;
  profilesVersion: number;
}

export async function loadSchoolSettings(store: Store): Promise<SchoolSettings> {
  const [calendar, profiles] = await Promise.all([
    getSetting<CalendarData>(store, 'calendar'),
    getSetting<Record<string, NormProfile>>(store, 'norm-profiles'),
  ]);
  return {
    calendar: calendar ? new SchoolCalendar(calendar.data) : defaultCalendar,
    calendarData: calendar?.data ?? defaultCalendarData,
    calendarVersion: calendar?.version ?? 0,
    profiles: profiles?.data ?? NORM_PROFILES,
    profilesVersion: profiles?.version ?? 0,
  };
}

/** The calendar in force: the administrator's, else the bundled one. */
export async function currentCalendar(store: Store): Promise<SchoolCalendar> {
  const stored = await getSetting<CalendarData>(store, 'calendar');
  return stored ? new SchoolCalendar(stored.data) : defaultCalendar;
}

/**
 * `deps` with the administrator's calendar and norm profiles where one is stored; what `deps`
 * was built with (the bundled data, or a test's own calendar) where none is.
 */
export async function withStoredSettings<
  T extends { store: Store; calendar?: SchoolCalendar; profiles?: NormProfiles },
>(deps: T): Promise<T> {
  const [calendar, profiles] = await Promise.all([
    getSetting<CalendarData>(deps.store, 'calendar'),
    getSetting<Record<string, NormProfile>>(deps.store, 'norm-profiles'),
  ]);
  return {
    ...deps,
    ...(calendar ? { calendar: new SchoolCalendar(calendar.data) } : {}),
    ...(profiles ? { profiles: profiles.data } : {}),
  };
}

export interface AdminDeps {
  store: Store;
  retentionYears: number;
}

interface Edit {
  /** The version the administrator edited (0: the bundled data); a newer one stored is a conflict. */
  version: number;
  by: string;
  now: Date;
}

async function saveSetting<T>(
  deps: AdminDeps,
  name: SettingName,
  before: T,
  after: T,
  edit: Edit,
  what: string,
) {
  const at = edit.now.toISOString();
  const expiresAt = dateItemExpiry(localDate(edit.now), deps.retentionYears);
  const version = edit.version + 1;
  const entry = {
    entity: 'setting' as const,
    entityId: name,
    at,
    by: edit.by,
    what,
    before,
    after: { version, data: after },
  };
  await commitWith({ store: deps.store }, { items: [auditItem(deps.store, entry, expiresAt)] }, (store) =>
    putSetting(store, name, { version, data: after, updatedAt: at, updatedBy: edit.by }),
  );
  return { version };
}

/** Stores the administrator's calendar, refused (`CalendarRefused`) with every problem it has. */
export async function saveCalendar(
  deps: AdminDeps,
  data: CalendarData,
  edit: Edit,
): Promise<{ version: number }> {
  const problems = validateCalendar(data, localDate(edit.now));
  if (problems.length > 0) throw new CalendarRefused(problems);
  const current = await loadSchoolSettings(deps.store);
  return saveSetting(deps, 'calendar', current.calendarData, data, edit, 'school calendar edited');
}

/** Changes the editable values of one norm profile; the rest (the law's) stays as it is. */
export async function saveNormProfile(
  deps: AdminDeps,
  profileId: string,
  values: Partial<NormProfile>,
  edit: Edit,
): Promise<{ version: number }> {
  const current = await loadSchoolSettings(deps.store);
  const profile = current.profiles[profileId];
  if (!profile) throw new UnknownProfile(profileId);
  const next: NormProfile = { ...profile, ...values, id: profile.id };
  const problems = validateProfileChange(profile, next);
  if (problems.length > 0) throw new ProfileRefused(profileId, problems);
  const profiles = { ...current.profiles, [profileId]: next };
  return saveSetting(
    deps,
    'norm-profiles',
    current.profiles,
    profiles,
    edit,
    `norm profile ${profileId} edited`,
  );
}
