import { API_ROUTES, type RouteName, type RouteSpec } from '../../shared/api/routes';

export interface Match {
  name: RouteName;
  spec: RouteSpec;
  params: Record<string, string>;
}

const compiled = (Object.entries(API_ROUTES) as [RouteName, RouteSpec][]).map(([name, spec]) => {
  const names: string[] = [];
  const source = spec.path
    .split('/')
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1] as string);
      return '([^/]+)';
    })
    .join('/');
  return { name, spec, names, regex: new RegExp(`^${source}/?$`) };
});

/** Finds the route for a method and path; `allowed` lists methods when only the method is wrong. */
export function matchRoute(method: string, path: string): Match | { allowed: string[] } | null {
  const allowed: string[] = [];
  for (const route of compiled) {
    const m = route.regex.exec(path);
    if (!m) continue;
    if (route.spec.method !== method) {
      allowed.push(route.spec.method);
      continue;
    }
    const params: Record<string, string> = {};
    route.names.forEach((n, i) => {
      params[n] = decodeURIComponent(m[i + 1] as string);
    });
    return { name: route.name, spec: route.spec, params };
  }
  return allowed.length > 0 ? { allowed } : null;
}
