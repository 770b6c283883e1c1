import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// docs/architecture.md: the domain is imported by the store and the use cases and imports only
// itself, the pure `shared/` code and Node's built-ins: never the store, a use case or an AWS SDK.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const domain = join(root, 'functions/domain');

/** Every module a file names in an import, an `export … from` or a dynamic `import()`. */
function importsOf(source: string): string[] {
  const found = source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g);
  return [...found].map((match) => match[1] ?? '');
}

/** Where an import points: a repository path for a relative one, the package name otherwise. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return relative(root, resolve(dirname(file), specifier))
    .split('\\')
    .join('/');
}

const allowed = (to: string): boolean =>
  to.startsWith('functions/domain/') || to.startsWith('shared/') || to.startsWith('node:');

const arrows = readdirSync(domain)
  .filter((name) => name.endsWith('.ts'))
  .flatMap((name) => {
    const file = join(domain, name);
    return importsOf(readFileSync(file, 'utf8')).map((specifier) => ({
      from: `functions/domain/${name}`,
      to: target(file, specifier),
    }));
  });

describe('functions/domain imports', () => {
  it('reads the imports it judges (the life cycle imports its ids and errors)', () => {
    expect(arrows).toContainEqual({ from: 'functions/domain/lifecycle.ts', to: 'functions/domain/ids' });
    expect(arrows).toContainEqual({ from: 'functions/domain/lifecycle.ts', to: 'functions/domain/errors' });
  });

  it('never imports the store, a use case or an AWS SDK', () => {
    const outward = arrows.filter(
      ({ to }) =>
        to.startsWith('functions/store') || to.startsWith('functions/usecases') || to.startsWith('@aws-sdk/'),
    );
    expect(outward).toEqual([]);
  });

  it('imports only itself, shared/ and Node built-ins', () => {
    expect(arrows.filter(({ to }) => !allowed(to))).toEqual([]);
  });
});
