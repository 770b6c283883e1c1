export interface CspInput {
  /** The deployment region (a token at synth time). */
  region: string;
  /** Prefix of the Cognito hosted sign-in domain. */
  authDomainPrefix: string;
}

/**
 * The dashboard's Content-Security-Policy. Only our own files run; the browser may talk to its
 * own origin (the distribution serves the API under /api) and to the Cognito token endpoint,
 * which the dashboard calls itself to exchange the sign-in code.
 */
export function contentSecurityPolicy({ region, authDomainPrefix }: CspInput): string {
  const cognito = `https://${authDomainPrefix}.auth.${region}.amazoncognito.com`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${cognito}`,
    `form-action 'self' ${cognito}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}
