import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;
// What the first page load fetches, gzipped: 73 KB after #13's coach, report and administrator
// screens (chart.js and the import page load on demand and are not counted). The budget leaves
// room for a few screens more; the next saving at hand is loading the English texts (about 8 KB)
// only when a reader switches to English.
const BUDGET = 85 * 1024;

/**
 * Prints the gzipped size of each script and fails the build when what the first page load
 * fetches (the scripts index.html names: the entry and its preloaded imports) is over the
 * budget. Chunks loaded on demand (chart.js, the import page with read-excel-file) do not count.
 */
function jsBudget(): Plugin {
  return {
    name: 'presentie-js-budget',
    apply: 'build',
    closeBundle() {
      const dir = join(root, 'dist', 'assets');
      const html = readFileSync(join(root, 'dist', 'index.html'), 'utf8');
      let total = 0;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
        const size = gzipSync(readFileSync(join(dir, file))).length;
        const initial = html.includes(`assets/${file}`);
        if (initial) total += size;
        console.log(`  ${file}: ${(size / 1024).toFixed(1)} KB gzip${initial ? '' : ' (on demand)'}`);
      }
      console.log(
        `JavaScript of the first load: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET / 1024} KB)`,
      );
      if (total > BUDGET) throw new Error(`JavaScript over the ${BUDGET / 1024} KB gzip budget`);
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [svelte(), jsBudget()],
  build: { outDir: join(root, 'dist'), emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: { fs: { allow: [join(root, '..')] } },
});
