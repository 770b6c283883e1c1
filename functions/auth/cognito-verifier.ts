import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { InvalidTokenError, identityFromClaims, type TokenVerifier } from './token-verifier';

/** Verifies Cognito ID tokens of the dashboard's clients (they carry `email` and `cognito:groups`). */
export function cognitoTokenVerifier(userPoolId: string, clientId: string | string[]): TokenVerifier {
  const verifier = CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'id' });
  return {
    async verify(token) {
      try {
        const claims = await verifier.verify(token);
        return identityFromClaims(claims as unknown as Record<string, unknown>);
      } catch (error) {
        if (error instanceof InvalidTokenError) throw error;
        throw new InvalidTokenError(error instanceof Error ? error.message : 'invalid token');
      }
    },
  };
}
