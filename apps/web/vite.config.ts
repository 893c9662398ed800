import fs from 'node:fs';
import path from 'node:path';
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

/** The screens reached signed out, loaded by routes under the root route rather than the signed-in shell. */
const signedOutScreens = [
  'features/enablement/badge-page.tsx',
  'features/identity/accept-invitation-page.tsx',
  'features/identity/forgot-password-page.tsx',
  'features/identity/reset-password-page.tsx',
  'features/marketplace/locator-page.tsx',
  'features/marketplace/public-partner-page.tsx',
  'features/programs/applications/apply-page.tsx',
];

/** A package's index that only re-exports (Mantine's, Tabler's icons): an import of it means only the names taken. */
const barrel =
  /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/].*[\\/](index|tabler-icons-react)\.mjs$/;
const importFrom = /(?:import|export)\s*(type\s*)?\{([^}]*)\}\s*from\s*["']([^"']+)["']/g;

/** The names a module imports from each specifier, read from its source (a namespace import finds none). */
function namedImports(id: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  let code: string;
  try {
    code = fs.readFileSync(id.split('?')[0]!, 'utf8');
  } catch {
    return found;
  }
  for (const [, typeOnly, names, from] of code.matchAll(importFrom)) {
    if (typeOnly) continue;
    const list = names!
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n && !n.startsWith('type '))
      .map((n) => n.split(/\s+as\s+/).at(-1)!);
    found.set(from!, [...(found.get(from!) ?? []), ...list]);
  }
  return found;
}

/**
 * The signed-in shell (features/shell/app-layout.tsx) and everything it imports, apart from what the entry
 * holds, are one chunk: every signed-in screen loads all of it, and as ~60 small files (each Mantine
 * component, icon and hook its own wherever two screens share it) it cost requests, compression and a
 * longer preload list in the entry. Left out: whatever a signed-out screen also uses (signedOutScreens,
 * and what the entry loads lazily itself: the second sign-in step, the toasts), so that those screens
 * never fetch the shell. An import of a package's index counts only the modules of the names it takes.
 */
function signedInShellChunk() {
  const modules = new Set<string>();
  const plugin: Plugin = {
    name: 'partnergraph:signed-in-shell-chunk',
    apply: 'build',
    buildEnd(error) {
      if (error) return;
      const ids = [...this.getModuleIds()];
      const byPath = (suffix: string) => {
        const id = ids.find((i) => i.endsWith(`/src/${suffix}`));
        if (!id) this.error(`vite.config.ts names src/${suffix}, which the build does not have`);
        return id;
      };
      // Each barrel's exported names → the module each comes from. A name not found counts the whole barrel:
      // for a signed-out screen, that keeps more out of the shell's chunk, never less.
      const barrels = new Map<string, Map<string, string>>();
      const exportsOf = (id: string) => {
        let names = barrels.get(id);
        if (!names) {
          names = new Map();
          const targets = this.getModuleInfo(id)?.importedIds ?? [];
          for (const [from, list] of namedImports(id)) {
            const file = from.startsWith('.') ? path.resolve(path.dirname(id), from) : null;
            const target = targets.find((t) =>
              file ? t === file : t.replaceAll('\\', '/').includes(`/node_modules/${from}/`),
            );
            if (target) for (const name of list) names.set(name, target);
          }
          barrels.set(id, names);
        }
        return names;
      };
      const depsOf = (id: string): string[] => {
        const imported = this.getModuleInfo(id)?.importedIds ?? [];
        if (!imported.some((i) => barrel.test(i))) return [...imported];
        const named = namedImports(id);
        return imported.flatMap((dep) => {
          const pkg = barrel.exec(dep)?.[1]?.replaceAll('\\', '/');
          const names = pkg && named.get(pkg);
          if (!names) return [dep];
          const exported = exportsOf(dep);
          return names.map((n) => exported.get(n) ?? dep);
        });
      };
      const reach = (roots: string[], into: Set<string>, skip: Set<string>) => {
        const stack = [...roots];
        while (stack.length) {
          const id = stack.pop()!;
          if (into.has(id) || skip.has(id)) continue;
          into.add(id);
          stack.push(...depsOf(id));
        }
      };
      const initial = new Set<string>();
      reach([byPath('main.tsx')], initial, new Set());
      const signedOutRoots = signedOutScreens.map(byPath);
      for (const id of initial) {
        if (/[\\/](routes\.tsx|routes[\\/]root\.tsx)$/.test(id)) continue;
        signedOutRoots.push(...(this.getModuleInfo(id)?.dynamicallyImportedIds ?? []));
      }
      const signedOut = new Set<string>();
      reach(signedOutRoots, signedOut, initial);
      modules.clear();
      reach([byPath('features/shell/app-layout.tsx')], modules, new Set([...initial, ...signedOut]));
    },
  };
  return { plugin, test: (id: string) => modules.has(id) };
}
const shellChunk = signedInShellChunk();

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), mantineStylesPerComponent(), shellChunk.plugin],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The dashboards' charts (recharts) are one chunk of ~750 kB (~220 kB gzip), loaded only by the screens
    // that draw a chart. A library used by a few screens lands in a chunk those screens share.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything main.tsx imports statically (React, the router, Mantine's core, the sign-in page) is
          // one file, the entry: Rolldown would otherwise cut it into ten, wherever a lazy chunk shares a
          // module, each compressed apart and joined by import names. Every page runs all of it first anyway;
          // as one file it is ~8 KiB smaller gzipped (one minifier scope, one compression window).
          groups: [
            { name: 'index', tags: ['$initial'], priority: 2 },
            // Not with its dependencies: those a signed-out screen shares stay where Rolldown puts them. The
            // set is closed under imports apart from those (signedInShellChunk), so no two chunks import
            // each other.
            { name: 'app-layout', test: shellChunk.test, priority: 1, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  server: {
    proxy: Object.fromEntries(proxied.map((prefix) => [prefix, { target: apiServer, changeOrigin: false }])),
  },
});
