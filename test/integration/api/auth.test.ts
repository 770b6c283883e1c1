import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJWK, SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { cognitoTokenVerifier } from '../../../functions/auth/cognito-verifier';
import { issueLocalToken } from '../../../functions/auth/local-issuer';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadOrCreateLocalKey } from '../../../functions/auth/local-keys';
import { localTokenVerifier } from '../../../functions/auth/local-verifier';
import { InvalidTokenError, identityFromClaims } from '../../../functions/auth/token-verifier';

const dir = mkdtempSync(join(tmpdir(), 'presentie-auth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const who = { staffId: 'coach-a', email: 'Anna@School.example', roles: ['coach'] };

describe('local sign-in tokens', () => {
  it('are verified by the same interface as Cognito tokens, giving e-mail and groups', async () => {
    const key = await loadOrCreateLocalKey({});
    const token = await issueLocalToken(key.privateJwk, who, new Date());
    const identity = await localTokenVerifier([key.publicJwk]).verify(token);
    expect(identity).toEqual({
      signIn: `${LOCAL_ISSUER}#coach-a`,
      subject: 'coach-a',
      email: 'anna@school.example',
      emailVerified: true,
      groups: ['coach'],
    });
  });

  it('keep working after a restart: the key is generated once per data dir', async () => {
    const keyFile = join(dir, 'local-auth-key.json');
    const first = await loadOrCreateLocalKey({ keyFile });
    const token = await issueLocalToken(first.privateJwk, who, new Date());
    const again = await loadOrCreateLocalKey({ keyFile });
    await expect(localTokenVerifier([again.publicJwk]).verify(token)).resolves.toMatchObject({
      subject: 'coach-a',
    });
    expect(again.publicJwk).not.toHaveProperty('d');
  });

  it('are refused when expired, signed by another key, or meant for another audience', async () => {
    const key = await loadOrCreateLocalKey({});
    const verifier = localTokenVerifier([key.publicJwk]);
    const expired = await issueLocalToken(key.privateJwk, who, new Date(Date.now() - 13 * 3600_000));
    await expect(verifier.verify(expired)).rejects.toBeInstanceOf(InvalidTokenError);
    const other = await loadOrCreateLocalKey({});
    await expect(
      verifier.verify(await issueLocalToken(other.privateJwk, who, new Date())),
    ).rejects.toBeInstanceOf(InvalidTokenError);
    const wrongAudience = await new SignJWT({ email: who.email, 'cognito:groups': who.roles })
      .setProtectedHeader({ alg: 'ES256', kid: key.privateJwk.kid ?? 'local' })
      .setSubject(who.staffId)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(`${LOCAL_AUDIENCE}-other`)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(await importJWK(key.privateJwk, 'ES256'));
    await expect(verifier.verify(wrongAudience)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('are refused by the Cognito verifier: there is no way around Cognito in AWS', async () => {
    const key = await loadOrCreateLocalKey({});
    const token = await issueLocalToken(key.privateJwk, who, new Date());
    const cognito = cognitoTokenVerifier('eu-west-1_abcdefghi', 'client123');
    await expect(cognito.verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });
});

describe('the identity a token names', () => {
  const pool = 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_pool';
  const base = { iss: pool, sub: 'cognito-sub', email: 'Anna@School.example', 'cognito:groups': ['coach'] };

  it('is the issuer and subject for an account of the pool, with its e-mail verified or not', () => {
    expect(identityFromClaims({ ...base, email_verified: true })).toMatchObject({
      signIn: `${pool}#cognito-sub`,
      emailVerified: true,
    });
    expect(identityFromClaims(base).emailVerified).toBe(false);
    expect(identityFromClaims({ ...base, email_verified: 'false' }).emailVerified).toBe(false);
  });

  it("is the identity provider's own user id for a federated user, whatever the e-mail says", () => {
    const identities = [
      { providerName: 'EntraID', providerType: 'OIDC', userId: 'entra-oid-1', primary: 'true' },
    ];
    const federated = identityFromClaims({ ...base, email_verified: 'true', identities });
    expect(federated).toMatchObject({ signIn: `${pool}#EntraID#entra-oid-1`, emailVerified: true });
    // The same user with another address is the same identity.
    expect(identityFromClaims({ ...base, email: 'other@school.example', identities }).signIn).toBe(
      federated.signIn,
    );
  });
});
