/** Who is asking: the staff member bound to the verified sign-in (functions/api/sign-in.ts). */
export const ROLES = ['coach', 'manager', 'attendance_officer', 'front_office', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  staffId: string;
  name: string;
  email: string;
  roles: Role[];
  orgUnitIds: string[];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return principal.roles.some((r) => roles.includes(r));
}
