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
  /** Cognito groups, which are the roles. */
  groups: string[];
}

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedIdentity>;
}

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/** Both issuers use Cognito's claim names, so the mapping is shared. */
export function identityFromClaims(claims: Record<string, unknown>): VerifiedIdentity {
  const { email, sub: subject, iss: issuer } = claims;
  const groups = claims['cognito:groups'];
  if (typeof email !== 'string' || email === '') throw new InvalidTokenError('token has no e-mail claim');
  if (typeof subject !== 'string' || subject === '') throw new InvalidTokenError('token has no subject');
  if (typeof issuer !== 'string' || issuer === '') throw new InvalidTokenError('token has no issuer');
  const list = Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [];
  const federated = federatedIdentity(claims.identities);
  return {
    signIn: federated ? `${issuer}#${federated}` : `${issuer}#${subject}`,
    subject,
    email: email.toLowerCase(),
    // Cognito writes a boolean; an attribute mapped from an identity provider may arrive as a string.
    emailVerified: claims.email_verified === true || claims.email_verified === 'true',
    groups: list,
  };
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
