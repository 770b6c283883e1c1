import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export const LOCAL_ISSUER = 'presentie-local';
export const LOCAL_AUDIENCE = 'presentie-dashboard';
export const LOCAL_ALG = 'ES256';

export interface LocalKeyPair {
  privateJwk: JWK;
  publicJwk: JWK;
}

/**
 * The local signing key: taken from `LOCAL_AUTH_PRIVATE_JWK` when given, otherwise generated
 * once per data dir and kept in a file, so tokens survive a restart of the local system.
 */
export async function loadOrCreateLocalKey(options: {
  privateJwkJson?: string | undefined;
  keyFile?: string | undefined;
}): Promise<LocalKeyPair> {
  if (options.privateJwkJson) return fromPrivate(JSON.parse(options.privateJwkJson) as JWK);
  if (options.keyFile && existsSync(options.keyFile)) {
    return fromPrivate(JSON.parse(readFileSync(options.keyFile, 'utf8')) as JWK);
  }
  const { privateKey } = await generateKeyPair(LOCAL_ALG, { extractable: true });
  const privateJwk = {
    ...(await exportJWK(privateKey)),
    kid: `local-${Date.now().toString(36)}`,
    alg: LOCAL_ALG,
  };
  if (options.keyFile) {
    mkdirSync(dirname(options.keyFile), { recursive: true });
    writeFileSync(options.keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  return fromPrivate(privateJwk);
}

function fromPrivate(privateJwk: JWK): LocalKeyPair {
  const { d: _secret, ...publicJwk } = privateJwk;
  return {
    privateJwk: { alg: LOCAL_ALG, ...privateJwk },
    publicJwk: { alg: LOCAL_ALG, use: 'sig', ...publicJwk },
  };
}
