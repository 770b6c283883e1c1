import { z } from 'zod';
import { Role } from './common';

export const LocalStaffList = z.object({
  staff: z.array(
    z.object({ staffId: z.string(), name: z.string(), email: z.string(), roles: z.array(Role) }),
  ),
});
export type LocalStaffList = z.infer<typeof LocalStaffList>;
export const LocalSignInBody = z.object({ staffId: z.string().min(1) });
export const LocalSignInResult = z.object({ token: z.string() });
