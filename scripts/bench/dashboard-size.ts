import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { dashboardBuildExists, WEB_DIST_DIR } from '../../infra/paths';
import type { Dashboard } from './cost-model';

/**
 * What a browser fetches from the distribution's default behaviour, from the built dashboard
 * (`npm run build:web`). infra/stacks/site-stack.ts deploys Vite's content-hashed `assets/` as
 * `public, max-age=31536000, immutable` and everything else no-cache: a browser fetches the bundle
 * once per release and then, per page load, revalidates index.html and fetches config.json (the
 * dashboard asks for it with `cache: 'no-store'`, web/src/lib/config.ts).
 */

/** CloudFront compresses these types, and only files of 1,000 to 10,000,000 bytes (CloudFront developer guide, "Serve compressed files"). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.xml', '.map', '.ico']);
const MIN_COMPRESSED = 1000;
const MAX_COMPRESSED = 10_000_000;

/** config.json as the site stack writes it (DashboardRuntimeConfig), with ids of their real length. */
const CONFIG_JSON = JSON.stringify({
  apiUrl: '/',
  region: 'eu-central-1',
  authMode: 'cognito',
  cognito: {
    userPoolId: 'eu-central-1_AbCdEfGhI',
    clientId: '1a2b3c4d5e6f7g8h9i0j1k2l3m',
    domain: 'https://presentie-school.auth.eu-central-1.amazoncognito.com',
  },
});

/** Without a build: the figures of the build of 2026-12-01 (5 files in assets/, 162 KB gzipped). */
export const ASSUMED_DASHBOARD: Dashboard = {
  source: 'assumed (web/dist not built: `npm run build:web` to measure it)',
  entryBytes: 393 + CONFIG_JSON.length,
  entryRequests: 2,
  bundleBytes: 162 * 1024,
  bundleRequests: 5,
};

/**
 * Bytes as CloudFront sends them: gzip's size when the distribution compresses (browsers that
 * accept Brotli get less still, so this errs high), otherwise the file's own.
 */
export function transferredBytes(name: string, body: Buffer, compress: boolean): number {
  const compressible =
    compress &&
    COMPRESSIBLE.has(extname(name).toLowerCase()) &&
    body.byteLength >= MIN_COMPRESSED &&
    body.byteLength <= MAX_COMPRESSED;
  return compressible ? gzipSync(body).byteLength : body.byteLength;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * The built dashboard's figures when `dir` holds a build, otherwise ASSUMED_DASHBOARD. Every file
 * besides index.html counts in the bundle, also what a staff member may never open (the chunks
 * loaded on demand): the bundle errs high.
 */
export function readDashboard(compress: boolean, dir: string = WEB_DIST_DIR): Dashboard {
  if (!dashboardBuildExists(dir)) return ASSUMED_DASHBOARD;
  let entryBytes = transferredBytes('config.json', Buffer.from(CONFIG_JSON), compress);
  let bundleBytes = 0;
  let bundleRequests = 0;
  for (const file of filesUnder(dir)) {
    const bytes = transferredBytes(file, readFileSync(file), compress);
    if (relative(dir, file) === 'index.html') entryBytes += bytes;
    else {
      bundleBytes += bytes;
      bundleRequests++;
    }
  }
  return {
    source: `measured in web/dist${compress ? ' (gzip, as CloudFront compresses)' : ' (uncompressed: the distribution does not compress)'}`,
    entryBytes,
    entryRequests: 2,
    bundleBytes,
    bundleRequests,
  };
}
