import type { AuthConfig } from './config';
import { takeIntended } from './session.svelte';

type Cognito = Extract<AuthConfig, { mode: 'cognito' }>;
const VERIFIER = 'presentie.pkce';

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * Sends the browser to Cognito's hosted sign-in (authorization code with PKCE; no secret):
 * with the pool's own accounts, or straight on to Entra ID through its own client.
 */
export async function startCognitoSignIn(auth: Cognito, via: 'pool' | 'entra' = 'pool'): Promise<void> {
  const clientId = via === 'entra' && auth.entraClientId ? auth.entraClientId : auth.clientId;
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  // The page to return to (a mail's link) travels with the verifier through Cognito's redirect.
  const hash = takeIntended() ?? location.hash;
  sessionStorage.setItem(VERIFIER, JSON.stringify({ verifier, state, hash, clientId }));
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    ...(clientId === auth.entraClientId ? { identity_provider: 'EntraID' } : {}),
    redirect_uri: auth.redirectUri,
    scope: 'openid email profile',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  location.assign(`${auth.domain}/oauth2/authorize?${q}`);
}

/** On return from Cognito: trades the code for tokens and gives the ID token (the API checks it). */
export async function completeCognitoSignIn(
  auth: Cognito,
): Promise<{ idToken: string; hash: string } | null> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const saved = sessionStorage.getItem(VERIFIER);
  if (!code || !saved) return null;
  sessionStorage.removeItem(VERIFIER);
  const { verifier, state, hash, clientId } = JSON.parse(saved) as {
    verifier: string;
    state: string;
    hash: string;
    clientId?: string;
  };
  history.replaceState(null, '', `${location.pathname}${hash}`);
  if (params.get('state') !== state) return null;
  const res = await fetch(`${auth.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: clientId ?? auth.clientId,
      code,
      redirect_uri: auth.redirectUri,
      code_verifier: verifier,
    }),
  });
  if (!res.ok) return null;
  const tokens = (await res.json()) as { id_token?: string };
  return tokens.id_token ? { idToken: tokens.id_token, hash } : null;
}

export function cognitoSignOutUrl(auth: Cognito): string {
  return `${auth.domain}/logout?${new URLSearchParams({ client_id: auth.clientId, logout_uri: auth.redirectUri })}`;
}
