/**
 * Serves the built dashboard like S3 + CloudFront do: files by path, and `index.html` for any
 * other page path so the single-page app can route it. Never a file outside the root.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

type Resolved = { kind: 'file'; path: string; size: number } | { kind: 'refused' } | { kind: 'missing' };

async function fileAt(path: string): Promise<{ path: string; size: number } | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

/** Maps a URL path onto a file under `root`, with the SPA fallback for paths without an extension. */
export async function resolveStatic(root: string, urlPath: string): Promise<Resolved> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'refused' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'refused' };
  const base = resolve(root);
  const target = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (target !== base && !target.startsWith(base + sep)) return { kind: 'refused' };
  // Dot segments that stay inside the root are still a sign of probing; S3 keys never have them.
  if (decoded.split('/').some((segment) => segment === '..')) return { kind: 'refused' };

  const direct = (await fileAt(target)) ?? (await fileAt(join(target, 'index.html')));
  if (direct) return { kind: 'file', ...direct };
  // A missing asset is a 404; a missing page is a route of the app.
  if (extname(decoded) !== '' && !decoded.endsWith('.html')) return { kind: 'missing' };
  const index = await fileAt(join(base, 'index.html'));
  return index ? { kind: 'file', ...index } : { kind: 'missing' };
}

export async function serveStatic(
  root: string,
  method: string,
  urlPath: string,
  res: ServerResponse,
): Promise<void> {
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    res.end('Method not allowed');
    return;
  }
  const found = await resolveStatic(root, urlPath);
  if (found.kind === 'refused') {
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Forbidden');
    return;
  }
  if (found.kind === 'missing') {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  res.writeHead(200, {
    'content-type': contentTypeOf(found.path),
    'content-length': String(found.size),
    // Vite fingerprints what it puts under /assets/; everything else must stay fresh.
    'cache-control': urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(found.path).pipe(res);
}
