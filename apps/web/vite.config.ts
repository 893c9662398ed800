import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// In development the API server runs beside Vite; in production it serves dist/ itself.
const apiServer = process.env.API_URL ?? 'http://127.0.0.1:3000';
const proxied = ['/api', '/docs', '/healthz', '/readyz'];

/**
 * Mantine's stylesheet for every component (~36 KB gzip) would be on the first page, before anything renders.
 * Instead each component's own stylesheet is imported by the module that holds its class names
 * (`Button.module.mjs` → `@mantine/core/styles/Button.css`), so the stylesheet travels with the component
 * into whichever chunk uses it, and Vite loads a chunk's CSS before running it. The import is added after the
 * file's content, and each component imports its dependencies before its class names, so a dependency's rules
 * (UnstyledButton) still come before the dependent's (Button), the order of Mantine's own stylesheet.
 * main.tsx imports the global styles. In development Vite pre-bundles Mantine without plugins, so there the
 * whole stylesheet is imported instead.
 */
function mantineStylesPerComponent(): Plugin {
  let serving = false;
  return {
    name: 'partnergraph:mantine-styles-per-component',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    transform(code, id) {
      if (serving) {
        return id.endsWith('/src/main.tsx') ? `import '@mantine/core/styles.css';\n${code}` : null;
      }
      const component = /[\\/]@mantine[\\/]core[\\/]esm[\\/].*[\\/]([A-Za-z]+)\.module\.mjs$/.exec(id)?.[1];
      return component
        ? { code: `${code}\nimport '@mantine/core/styles/${component}.css';\n`, map: null }
        : null;
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), mantineStylesPerComponent()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The dashboards' charts (recharts) are one chunk of ~750 kB (~220 kB gzip), loaded only by the screens
    // that draw a chart. A library used by a few screens lands in a chunk those screens share.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        // Chunks and stylesheets are named by their hash alone: the entry lists every lazy chunk's files for
        // preloading (~280 names), and the module names in them cost ~1.4 KiB gzipped on every page. Seven
        // characters (the fewest Rolldown accepts for this many files) save ~0.3 KiB more than the default 8.
        chunkFileNames: 'assets/[hash:7].js',
        assetFileNames: 'assets/[hash:7][extname]',
        codeSplitting: {
          // Everything main.tsx imports statically (React, the router, Mantine's core, the sign-in page) is
          // one file, the entry: Rolldown would otherwise cut it into ten, wherever a lazy chunk shares a
          // module, each compressed apart and joined by import names. Every page runs all of it first anyway;
          // as one file it is ~8 KiB smaller gzipped (one minifier scope, one compression window).
          groups: [{ name: 'index', tags: ['$initial'] }],
        },
      },
    },
  },
  server: {
    proxy: Object.fromEntries(proxied.map((prefix) => [prefix, { target: apiServer, changeOrigin: false }])),
  },
});
