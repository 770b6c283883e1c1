import { z } from 'zod';

/**
 * Which recipient identities the send grant names (docs/deploy.md, "Leaving the SES sandbox").
 * - `any`: every identity of the account and region. Works in the sandbox, whatever test
 *   recipients are verified, and after production access; the default for a first deploy.
 * - `listed`: the domain plus these verified addresses or domains (a sandbox with known testers).
 * - `none`: the domain only, once the account has production access (SES then checks the
 *   sender's identity alone).
 */
export type SesRecipients = { kind: 'any' } | { kind: 'none' } | { kind: 'listed'; identities: string[] };

const identityName = z.union([z.email(), z.string().regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/)]);

/** `-c sesSandboxRecipients=`: blank (any), `none`, or a comma-separated list of identities. */
export const SesRecipientsSchema = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx): SesRecipients => {
    if (value === undefined || value === '' || value === '*') return { kind: 'any' };
    if (value === 'none') return { kind: 'none' };
    const identities = value.split(',').map((part) => part.trim().toLowerCase());
    for (const identity of identities) {
      if (!identityName.safeParse(identity).success) {
        ctx.addIssue({ code: 'custom', message: `not an e-mail address or domain: "${identity}"` });
        return z.NEVER;
      }
    }
    return { kind: 'listed', identities };
  });

/** The identity names (resource names after `identity/`) the send grant covers. */
export function sesIdentityResources(domain: string, recipients: SesRecipients): string[] {
  if (recipients.kind === 'any') return ['*'];
  if (recipients.kind === 'none') return [domain];
  return [domain, ...recipients.identities.filter((identity) => identity !== domain)];
}
