export interface CspInput {
  /** The deployment region (a token at synth time). */
  region: string;
  /** Prefix of the Cognito hosted sign-in domain. */
  authDomainPrefix: string;
}

/**
 * The dashboard's Content-Security-Policy. Only our own files run; the browser may talk to the
 * HTTP API and to the Cognito token endpoint. The API's host is named by region rather than by
 * id: the distribution is created before the API (the API needs the dashboard's address for
 * CORS, mail links and sign-in callbacks), so its generated id cannot appear here.
 */
export function contentSecurityPolicy({ region, authDomainPrefix }: CspInput): string {
  const cognito = `https://${authDomainPrefix}.auth.${region}.amazoncognito.com`;
  const api = `https://*.execute-api.${region}.amazonaws.com`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${api} ${cognito}`,
    `form-action 'self' ${cognito}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}
