import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ASSUMED_DASHBOARD, readDashboard } from '../../../scripts/bench/dashboard-size';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A built dashboard: a small index.html, a large script and a small stylesheet in assets/. */
function build(): { dir: string; script: string; style: string; index: string } {
  const dir = mkdtempSync(join(tmpdir(), 'presentie-dashboard-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'assets'));
  const index = '<!doctype html><script type="module" src="/assets/index-abc.js"></script>';
  const script = 'export const lesson = "aanwezig";\n'.repeat(200);
  const style = 'body{margin:0}';
  writeFileSync(join(dir, 'index.html'), index);
  writeFileSync(join(dir, 'assets', 'index-abc.js'), script);
  writeFileSync(join(dir, 'assets', 'index-abc.css'), style);
  return { dir, script, style, index };
}

describe("the dashboard's transfer from CloudFront", () => {
  it('counts the bundle gzipped when the distribution compresses, files under 1,000 bytes as they are', () => {
    const { dir, script, style, index } = build();
    const dashboard = readDashboard(true, dir);
    expect(dashboard.source).toMatch(/measured/);
    expect(dashboard.bundleRequests).toBe(2);
    expect(dashboard.bundleBytes).toBe(gzipSync(script).byteLength + style.length);
    expect(dashboard.bundleBytes).toBeLessThan(script.length);
    // index.html plus config.json on every page load.
    expect(dashboard.entryRequests).toBe(2);
    expect(dashboard.entryBytes).toBeGreaterThan(index.length);
  });

  it('counts every byte when the distribution does not compress', () => {
    const { dir, script, style } = build();
    expect(readDashboard(false, dir).bundleBytes).toBe(script.length + style.length);
  });

  it('falls back to the stated assumption without a build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'presentie-dashboard-'));
    dirs.push(dir);
    expect(readDashboard(true, dir)).toEqual(ASSUMED_DASHBOARD);
    expect(ASSUMED_DASHBOARD.source).toMatch(/assumed/);
  });
});
