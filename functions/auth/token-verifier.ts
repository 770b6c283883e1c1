/**
 * One interface for checking a bearer token, whatever issued it (Cognito in AWS, the local
 * sign-in page locally), so that the API runs the same code path in both places.
 */
export interface VerifiedIdentity {
  /**
   * Who signed in, in terms the user cannot change: the issuer and its subject (`<iss>#<sub>`),
   * or for a user federated through Cognito (Entra ID) the identity provider and its user id
   * (`<iss>#<provider>#<userId>`). Staff are bound to this, never to the e-mail claim.
   */
  signIn: string;
  subject: string;
  email: string;
  /** Whether the issuer verified the e-mail address (`email_verified`). */
  emailVerified: boolean;
  /** Cognito groups, which are the roles of the pool's own users. */
  groups: string[];
  /**
   * Set for a user federated through Cognito from the school's identity provider (Entra ID):
   * they have no pool groups, so their roles come from the roster alone (sign-in.ts).
   */
  federated?: true;
}

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedIdentity>;
}

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/** Both issuers use Cognito's claim names, so the mapping is shared. */
export function identityFromClaims(claims: Record<string, unknown>): VerifiedIdentity {
  const { sub: subject, iss: issuer } = claims;
  const groups = claims['cognito:groups'];
  const federated = federatedIdentity(claims.identities);
  const address = emailOf(claims, federated !== undefined);
  if (!address) throw new InvalidTokenError('token has no e-mail claim');
  const { email, verified } = address;
  if (typeof subject !== 'string' || subject === '') throw new InvalidTokenError('token has no subject');
  if (typeof issuer !== 'string' || issuer === '') throw new InvalidTokenError('token has no issuer');
  const list = Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [];
  return {
    signIn: federated ? `${issuer}#${federated}` : `${issuer}#${subject}`,
    subject,
    email: email.toLowerCase(),
    emailVerified: verified,
    groups: list,
    ...(federated ? { federated: true as const } : {}),
  };
}

const isVerified = (claim: unknown) => claim === true || claim === 'true';
const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.includes('@');

/**
 * The address a staff member is found by on their first sign-in. An Entra ID user often has no
 * `email` claim (no mailbox, or the optional claim not configured); their user principal name
 * (`preferred_username` in v2 tokens, `upn` in v1) then stands in: it is the school's own
 * account name, in a domain the tenant has verified, and at schools the same as the staff
 * member's address in the roster. Only a federated (Entra ID) user gets this fallback.
 */
function emailOf(
  claims: Record<string, unknown>,
  federated: boolean,
): { email: string; verified: boolean } | undefined {
  const name = federated ? [claims.preferred_username, claims.upn].find(nonEmpty) : undefined;
  // Cognito writes a boolean; an attribute mapped from an identity provider may arrive as a string.
  // The pool maps Entra ID's user principal name to `email` (infra/stacks/auth-stack.ts): that
  // address is the tenant's own, so it counts as verified.
  if (nonEmpty(claims.email)) {
    const isPrincipalName = name !== undefined && name.toLowerCase() === claims.email.toLowerCase();
    return { email: claims.email, verified: isPrincipalName || isVerified(claims.email_verified) };
  }
  return name ? { email: name, verified: true } : undefined;
}

/** `<provider>#<userId>` of a federated user (Cognito's `identities` claim), else undefined. */
function federatedIdentity(identities: unknown): string | undefined {
  const list = typeof identities === 'string' ? safeJson(identities) : identities;
  if (!Array.isArray(list)) return undefined;
  const first = list.find(
    (i): i is { providerName: string; userId: string } =>
      typeof i?.providerName === 'string' && typeof i?.userId === 'string',
  );
  return first ? `${first.providerName}#${first.userId}` : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
