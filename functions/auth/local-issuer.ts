import { importJWK, type JWK, SignJWT } from 'jose';
import { LOCAL_ALG, LOCAL_AUDIENCE, LOCAL_ISSUER } from './local-keys';

export interface LocalTokenRequest {
  staffId: string;
  email: string;
  roles: readonly string[];
}

/**
 * Issues a token shaped like a Cognito ID token, for the local sign-in page only: the staff id
 * as its subject, the e-mail address verified (the demo school's staff list is the source) and
 * the staff member's roles as `cognito:groups`.
 */
export async function issueLocalToken(privateJwk: JWK, who: LocalTokenRequest, now: Date): Promise<string> {
  const key = await importJWK(privateJwk, LOCAL_ALG);
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    email: who.email,
    email_verified: true,
    'cognito:groups': [...who.roles],
    token_use: 'id',
  })
    .setProtectedHeader({ alg: LOCAL_ALG, kid: privateJwk.kid ?? 'local' })
    .setSubject(who.staffId)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 12 * 3600)
    .sign(key);
}
