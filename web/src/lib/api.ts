import { type PathArgs, pathOf, type ROUTE_PATHS } from '../../../shared/api/paths';
import type { RouteBody, RouteResponse } from '../../../shared/api/routes';
import { config } from './config';
import { session } from './session.svelte';

/**
 * An API answer other than 2xx, or none at all (`status` 0: the network); `status` 403 shows the
 * "no access" page. The page shows it in Dutch (views/failure.svelte.ts), never `message`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** A named refusal (`error.<code>` in shared/i18n) and the values for its text. */
    readonly code?: string,
    readonly values?: Record<string, string>,
  ) {
    super(message);
  }
}

type Route = keyof typeof ROUTE_PATHS;
type GetRoute = { [N in Route]: (typeof ROUTE_PATHS)[N]['method'] extends 'GET' ? N : never }[Route];
type PostRoute = Exclude<Route, GetRoute>;

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (session.token) headers.set('authorization', `Bearer ${session.token}`);
  if (init.body) headers.set('content-type', 'application/json');
  let response: Response;
  try {
    response = await fetch(`${config.apiBase}${path}`, { ...init, headers });
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : 'network failure', 'network');
  }
  if (response.status === 401) session.signOut();
  if (!response.ok) {
    let body: { error?: string; code?: string; values?: Record<string, string> } = {};
    try {
      body = (await response.json()) as typeof body;
    } catch {
      // not JSON: keep the status text
    }
    throw new ApiError(response.status, body.error ?? response.statusText, body.code, body.values);
  }
  return response;
}

/** GETs a route; the answer has the type of the route's response schema (`API_ROUTES`). */
export async function getJson<N extends GetRoute>(route: N, ...args: PathArgs<N>): Promise<RouteResponse<N>> {
  return (await request(pathOf(route, ...args))).json() as Promise<RouteResponse<N>>;
}

/** POSTs the route's body (typed by its schema) to a route with these path parameters. */
export async function postJson<N extends PostRoute>(
  route: N,
  params: PathArgs<N>[0],
  ...body: RouteBody<N> extends never ? [] : [body: RouteBody<N>]
): Promise<RouteResponse<N>> {
  const path = pathOf(route, ...([params] as PathArgs<N>));
  const init = { method: 'POST', body: JSON.stringify(body[0] ?? {}) };
  return (await request(path, init)).json() as Promise<RouteResponse<N>>;
}

/** Downloads a CSV through the authenticated API and hands it to the browser. */
export async function downloadCsv(path: string, filename: string): Promise<void> {
  const blob = await (await request(path)).blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * Opens a document the API renders (HTML) in a new tab, through the authenticated API. The tab is
 * opened at the click, before the request, so the browser does not take it for a pop-up; when it
 * is blocked anyway, the document is downloaded instead.
 */
export async function openDocument(path: string, filename: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const blob = await (await request(path)).blob();
    const url = URL.createObjectURL(blob);
    if (tab) tab.location.href = url;
    else await downloadCsv(path, filename);
    // The tab has loaded it by then; the address is of no use afterwards.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
}
