import type { AdminPage, PostNoticeBody } from '../../../../shared/api/admin';
import type { Lang } from '../../../../shared/i18n';

type Notice = AdminPage['notices'][number];

/** The kinds an administrator posts (`PostNoticeBody`; here without zod, which stays out of the bundle). */
export const NOTICE_KINDS: readonly PostNoticeBody['kind'][] = ['severe_weather', 'info'];

/** A notice in the dashboard's language: its English text when there is one and English is chosen. */
export const noticeText = (notice: Notice, lang: Lang): string =>
  lang === 'en' && notice.textEn ? notice.textEn : notice.text;

/** Only the administrator's own notices are withdrawn here; the presence system's come and go with it. */
export const canWithdraw = (notice: Notice): boolean => notice.source === 'admin';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** The form to post a notice: one date, or a range (`to`), Dutch text required, English optional. */
export class NoticeForm {
  from = $state('');
  to = $state('');
  kind = $state<PostNoticeBody['kind']>('info');
  text = $state('');
  textEn = $state('');
  state = $state<SaveState>('idle');
  error = $state('');

  readonly valid = $derived(
    /^\d{4}-\d{2}-\d{2}$/.test(this.from) &&
      this.text.trim() !== '' &&
      (this.to === '' || this.to >= this.from),
  );

  body(): PostNoticeBody {
    return {
      from: this.from,
      kind: this.kind,
      text: this.text.trim(),
      ...(this.to ? { to: this.to } : {}),
      ...(this.textEn.trim() ? { textEn: this.textEn.trim() } : {}),
    };
  }

  /** Posts through `post`; on success the form empties for the next notice. */
  async submit(post: (body: PostNoticeBody) => Promise<unknown>): Promise<boolean> {
    if (!this.valid || this.state === 'saving') return false;
    this.state = 'saving';
    try {
      await post(this.body());
      this.state = 'saved';
      this.error = '';
      this.from = this.to = this.text = this.textEn = '';
      return true;
    } catch (error) {
      this.state = 'failed';
      this.error = error instanceof Error ? error.message : String(error);
      return false;
    }
  }
}
