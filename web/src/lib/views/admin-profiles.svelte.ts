import type { AdminPage } from '../../../../shared/api/admin';
import { type Lang, translate } from '../../../../shared/i18n';
import { profileProblemText, validateProfileChange } from '../../../../shared/policy/profile-rules';
import type { NormProfile } from '../../../../shared/policy/profiles';
import type { SaveState } from './admin-notices.svelte';

type Profile = AdminPage['normProfiles'][number];

/** A profile's one-line description in the dashboard's language (it stayed Dutch in English: #13). */
export function profileDescription(p: Profile, lang: Lang): string {
  const v = p.values;
  const text = translate(lang, 'admin.profileDescription', {
    name: p.name[lang],
    reportHours: (v.reportMinutes ?? 0) / 60,
    windowWeeks: v.windowWeeks ?? 0,
    signalHours: (v.signalMinutes ?? 0) / 60,
  });
  return p.reportToDuo ? text : text + translate(lang, 'admin.profileNotToDuo');
}

/** The values of one profile as edited; checked by the API's own rules before saving. */
export class ProfileEditor {
  readonly profile: Profile;
  values = $state<Record<string, number>>({});
  state = $state<SaveState>('idle');
  error = $state('');

  constructor(profile: Profile) {
    this.profile = profile;
    this.values = { ...profile.values };
  }

  private asProfile(values: Record<string, number>): NormProfile {
    const p = this.profile;
    return {
      id: p.id,
      name: p.name,
      legalRules: p.legalRules,
      reportToDuo: p.reportToDuo,
      ...values,
    } as unknown as NormProfile;
  }

  readonly problems = $derived.by(() =>
    validateProfileChange(this.asProfile(this.profile.values), this.asProfile(this.values)),
  );

  problemTexts(lang: Lang): string[] {
    return this.problems.map((p) => profileProblemText(lang, p));
  }

  /** Only the fields the administrator changed, all of them editable. */
  changed(): Record<string, number> {
    return Object.fromEntries(
      Object.entries(this.values).filter(
        ([k, v]) => this.profile.editable.includes(k) && this.profile.values[k] !== v,
      ),
    );
  }

  async save(post: (values: Record<string, number>) => Promise<unknown>): Promise<void> {
    if (this.problems.length > 0 || this.state === 'saving') return;
    this.state = 'saving';
    try {
      await post(this.changed());
      this.state = 'saved';
      this.error = '';
    } catch (error) {
      this.state = 'failed';
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}
