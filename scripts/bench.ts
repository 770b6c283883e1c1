/**
 * `npm run bench`: prints figures and ratios against the targets in the issues. Never a test:
 * timings belong here, not in vitest. Each section is a module with a `run()`; pass section
 * names as arguments to run only those (`npm run bench -- domain`).
 */
export {}; // a module, so the top-level await below type-checks

type Section = { name: string; load: () => Promise<{ run: () => Promise<void> }> };

const sections: Section[] = [
  { name: 'domain', load: () => import('./bench/domain') },
  { name: 'ingestion', load: () => import('./bench/ingestion') },
  { name: 'nightly', load: () => import('./bench/nightly') },
  { name: 'import', load: () => import('./bench/import') },
  { name: 'cost', load: () => import('./bench/cost') },
];

const wanted = new Set(process.argv.slice(2));
for (const section of sections) {
  if (wanted.size > 0 && !wanted.has(section.name)) continue;
  console.log(`\n== ${section.name} ==`);
  const { run } = await section.load();
  await run();
}
