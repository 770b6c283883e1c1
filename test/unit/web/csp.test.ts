import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../../web/src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(svelte|ts)$/.test(entry.name) ? [path] : [];
  });
}

describe('the dashboard under the production CSP (style-src self)', () => {
  it('has no inline style attribute the browser would refuse (classes or style: directives instead)', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(10);
    // `style:prop={...}` directives are set through the CSSOM, which the CSP allows; `style="..."`
    // or `style={...}` attributes are not.
    const offenders = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/(^|[\s<])style\s*=/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
