/**
 * Where the API is and how to sign in. In AWS the site stack deploys `config.json` beside
 * index.html (Cognito hosted sign-in; `apiUrl` is `/`, as the distribution serves the API under
 * /api); locally the gateway serves one saying `local`: the API on the same origin, the local
 * sign-in page. Without one (a bare static server) the dashboard assumes the same.
 */
export type AuthConfig =
  | { mode: 'local' }
  | { mode: 'cognito'; domain: string; clientId: string; entraClientId?: string; redirectUri: string };

export interface RuntimeConfig {
  apiBase: string;
  auth: AuthConfig;
}

interface DeployedConfig {
  apiUrl: string;
  authMode: 'cognito' | 'local';
  cognito: { userPoolId: string; clientId: string; entraClientId?: string; domain: string };
}

export const config: RuntimeConfig = { apiBase: '', auth: { mode: 'local' } };

export async function loadConfig(): Promise<void> {
  let deployed: DeployedConfig | undefined;
  try {
    const res = await fetch('./config.json', { cache: 'no-store' });
    if (res.ok && res.headers.get('content-type')?.includes('json'))
      deployed = (await res.json()) as DeployedConfig;
  } catch {
    // no config: local mode
  }
  if (deployed?.authMode !== 'cognito') return;
  config.apiBase = deployed.apiUrl.replace(/\/+$/, '');
  config.auth = {
    mode: 'cognito',
    domain: deployed.cognito.domain.replace(/\/+$/, ''),
    clientId: deployed.cognito.clientId,
    // Staff federated through Entra ID sign in through a client of their own (infra auth-stack).
    ...(deployed.cognito.entraClientId ? { entraClientId: deployed.cognito.entraClientId } : {}),
    // The callback registered in Cognito is the dashboard's root.
    redirectUri: `${location.origin}/`,
  };
}
