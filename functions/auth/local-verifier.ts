import { createLocalJWKSet, type JWK, jwtVerify } from 'jose';
import { LOCAL_ALG, LOCAL_AUDIENCE, LOCAL_ISSUER } from './local-keys';
import { InvalidTokenError, identityFromClaims, type TokenVerifier } from './token-verifier';

/** Verifies tokens of the local sign-in page against the local JWKS, like Cognito's are checked. */
export function localTokenVerifier(publicJwks: JWK[]): TokenVerifier {
  const keySet = createLocalJWKSet({ keys: publicJwks });
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, keySet, {
          issuer: LOCAL_ISSUER,
          audience: LOCAL_AUDIENCE,
          algorithms: [LOCAL_ALG],
        });
        return identityFromClaims(payload as Record<string, unknown>);
      } catch (error) {
        if (error instanceof InvalidTokenError) throw error;
        throw new InvalidTokenError(error instanceof Error ? error.message : 'invalid token');
      }
    },
  };
}
