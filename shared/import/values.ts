import type { OrgUnitData, RegistrationData, StaffRole, StudentData } from '../contract/events';
import type { Mapping } from './mapping';

/** Reading a cell's text as one of the contract's values: `undefined` when it cannot be read. */

const pad = (n: number): string => String(n).padStart(2, '0');

const realDate = (y: number, m: number, d: number): string | undefined => {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2999) return undefined;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
};

/** dd-mm-jjjj (also d-m-jjjj, with `/` or `.`) or jjjj-mm-dd, as the mapping allows; `T...` after it is ignored. */
export function readDate(raw: string, format: Mapping['dateFormat']): string | undefined {
  const text = raw.trim().replace(/[T ].*$/, '');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso && format !== 'dd-mm-jjjj') return realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (dutch && format !== 'jjjj-mm-dd') return realDate(Number(dutch[3]), Number(dutch[2]), Number(dutch[1]));
  return undefined;
}

/** H:MM, HH:MM, HH.MM, HH:MM:SS -> HH:MM. */
export function readTime(raw: string): string | undefined {
  const match = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(raw.trim());
  if (!match) return undefined;
  const h = Number(match[1]);
  const m = Number(match[2]);
  return h < 24 && m < 60 ? `${pad(h)}:${pad(m)}` : undefined;
}

export function readWholeNumber(raw: string): number | undefined {
  const text = raw.trim();
  if (!/^\d{1,10}$/.test(text)) return undefined;
  return Number(text);
}

const TRUE = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x']);
const FALSE = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0', '-']);
export function readBoolean(raw: string): boolean | undefined {
  const text = raw.trim().toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return undefined;
}

/** Compared without case, spaces, dashes, dots and underscores. */
export const squash = (text: string): string => text.toLowerCase().replace(/[\s\-_.]/g, '');

const lookup = <T>(table: Record<string, T>, raw: string): T | undefined => table[squash(raw)];

const LEVELS: Record<string, StudentData['level']> = {
  entree: 'entree',
  entreeopleiding: 'entree',
  '1': 'entree',
  niveau1: 'entree',
  n1: 'entree',
  '2': '2',
  niveau2: '2',
  n2: '2',
  '3': '3',
  niveau3: '3',
  n3: '3',
  '4': '4',
  niveau4: '4',
  n4: '4',
};
export const readLevel = (raw: string) => lookup(LEVELS, raw);

export function readPathway(raw: string): StudentData['pathway'] | undefined {
  const text = squash(raw);
  if (text.startsWith('bol')) return 'BOL';
  if (text.startsWith('bbl')) return 'BBL';
  return undefined;
}

const ROLES: Record<string, StaffRole> = {
  coach: 'coach',
  slb: 'coach',
  slber: 'coach',
  mentor: 'coach',
  studieloopbaanbegeleider: 'coach',
  manager: 'manager',
  teamleider: 'manager',
  teammanager: 'manager',
  onderwijsmanager: 'manager',
  attendanceofficer: 'attendance_officer',
  verzuimmedewerker: 'attendance_officer',
  verzuimcoordinator: 'attendance_officer',
  verzuimfunctionaris: 'attendance_officer',
  frontoffice: 'front_office',
  receptie: 'front_office',
  balie: 'front_office',
  studentenbalie: 'front_office',
  admin: 'admin',
  beheerder: 'admin',
  applicatiebeheerder: 'admin',
};
/** A list separated by `,`, `;` or `|`: each role in Dutch or as the contract names it. */
export function readRoles(raw: string): StaffRole[] | undefined {
  const roles: StaffRole[] = [];
  for (const part of listOf(raw)) {
    const role = lookup(ROLES, part);
    if (!role) return undefined;
    if (!roles.includes(role)) roles.push(role);
  }
  return roles;
}

export const listOf = (raw: string): string[] =>
  raw
    .split(/[,;|]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

const UNIT_KINDS: Record<string, OrgUnitData['kind']> = {
  institution: 'institution',
  instelling: 'institution',
  school: 'department',
  department: 'department',
  afdeling: 'department',
  sector: 'department',
  cluster: 'department',
  college: 'department',
  team: 'team',
};
export const readUnitKind = (raw: string) => lookup(UNIT_KINDS, raw);

const STATUSES: Record<string, RegistrationData['status']> = {
  present: 'present',
  aanwezig: 'present',
  absent: 'absent',
  afwezig: 'absent',
  late: 'late',
  telaat: 'late',
  leftearly: 'left_early',
  eerderweg: 'left_early',
};
export const readStatus = (raw: string) => lookup(STATUSES, raw);

const DECISIONS: Record<string, NonNullable<RegistrationData['decision']>> = {
  authorized: 'authorized',
  geoorloofd: 'authorized',
  unauthorized: 'unauthorized',
  ongeoorloofd: 'unauthorized',
};
export const readDecision = (raw: string) => lookup(DECISIONS, raw);

/** The contract's id rule (shared/contract/primitives.ts), so a refusal names the cell. */
export const isId = (text: string): boolean => text.length <= 128 && /^[^#~\s\p{Cc}\p{Cf}]+$/u.test(text);

export const isEmail = (text: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
