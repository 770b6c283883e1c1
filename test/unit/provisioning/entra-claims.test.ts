import { describe, expect, it } from 'vitest';
import { InvalidTokenError, identityFromClaims } from '../../../functions/auth/token-verifier';

const ISS = 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_pool';
const entra = (claims: Record<string, unknown>) => ({
  sub: 'cognito-sub',
  iss: ISS,
  identities: [{ providerName: 'EntraID', userId: 'oid-123' }],
  'cognito:groups': ['coach'],
  ...claims,
});

describe('an Entra ID sign-in without an e-mail claim', () => {
  it('is found by preferred_username, bound to the Entra identity', () => {
    const identity = identityFromClaims(entra({ preferred_username: 'P.Docent@School.example' }));
    expect(identity).toMatchObject({
      signIn: `${ISS}#EntraID#oid-123`,
      email: 'p.docent@school.example',
      emailVerified: true,
    });
  });

  it('is found by upn (v1 tokens) when preferred_username is missing', () => {
    expect(identityFromClaims(entra({ upn: 'p.docent@school.example' })).email).toBe(
      'p.docent@school.example',
    );
  });

  it('keeps the e-mail claim, and its own verification, when there is one', () => {
    const identity = identityFromClaims(
      entra({ email: 'petra@school.example', preferred_username: 'x@school.example' }),
    );
    expect(identity).toMatchObject({ email: 'petra@school.example', emailVerified: false });
  });

  it("takes the pool's e-mail mapped from the user principal name as verified", () => {
    // What Cognito issues: `email` and `preferred_username` both from Entra's preferred_username.
    const identity = identityFromClaims(
      entra({ email: 'P.Docent@School.example', preferred_username: 'p.docent@school.example' }),
    );
    expect(identity).toMatchObject({ email: 'p.docent@school.example', emailVerified: true });
  });

  it('gives an account of the pool itself no such fallback', () => {
    const own = { sub: 'cognito-sub', iss: ISS, preferred_username: 'p.docent@school.example' };
    expect(() => identityFromClaims(own)).toThrow(InvalidTokenError);
  });
});

describe('whether a sign-in is federated', () => {
  it('marks an Entra ID user, and not an account of the pool', () => {
    expect(identityFromClaims(entra({ preferred_username: 'p@school.example' })).federated).toBe(true);
    const own = { sub: 'cognito-sub', iss: ISS, email: 'p@school.example', email_verified: true };
    expect(identityFromClaims(own).federated).toBeUndefined();
  });
});
