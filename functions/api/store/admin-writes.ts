import { postNotice, withdrawNotice } from '../../usecases/admin/notices';
import { type AdminDeps, saveCalendar, saveNormProfile } from '../../usecases/admin/school-settings';
import type { ApiData } from '../ports';

export type AdminWrites = Pick<ApiData, 'postNotice' | 'withdrawNotice' | 'saveCalendar' | 'saveNormProfile'>;

/** The administrator's commands, in the API's terms, through the admin use cases. */
export function adminCommands(deps: AdminDeps): AdminWrites {
  return {
    postNotice: ({ post, by, now }) =>
      postNotice(
        deps,
        {
          from: post.from,
          kind: post.kind,
          text: post.text,
          ...(post.to ? { to: post.to } : {}),
          ...(post.textEn ? { textEn: post.textEn } : {}),
        },
        by,
        now,
      ),
    withdrawNotice: ({ date, kind, by, now }) => withdrawNotice(deps, date, kind, by, now),
    saveCalendar: ({ body, by, now }) =>
      saveCalendar(deps, body.calendar, { version: body.version, by, now }),
    saveNormProfile: ({ profileId, body, by, now }) =>
      saveNormProfile(deps, profileId, body.values, { version: body.version, by, now }),
  };
}
