/**
 * One interface for checking a bearer token, whatever issued it (Cognito in AWS, the local
 * sign-in page locally), so that the API runs the same code path in both places.
 */
export interface VerifiedIdentity {
  subject: string;
  email: string;
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
  const email = claims.email;
  const subject = claims.sub;
  const groups = claims['cognito:groups'];
  if (typeof email !== 'string' || email === '') throw new InvalidTokenError('token has no e-mail claim');
  if (typeof subject !== 'string') throw new InvalidTokenError('token has no subject');
  const list = Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [];
  return { subject, email: email.toLowerCase(), groups: list };
}
