// Compiles the server to JavaScript in dist/ for `npm start`: no TypeScript compiler at run time.
//
// Why a bundling build (esbuild) rather than `tsc` emit: the server imports @partnergraph/shared and
// @partnergraph/client as TypeScript source (their package.json exports ./src/*.ts) and its own modules without
// file extensions (moduleResolution "bundler"); tsc would emit imports Node cannot resolve and leave the shared
// packages as .ts. esbuild compiles our code and those packages together, while every third-party package stays
// an ordinary import from node_modules (some, like pdfkit and PGlite, read files beside their own code, and
// native modules like @node-rs/argon2 cannot be bundled). Type checking stays with `npm run typecheck`.
import { readFile, rm } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Every file Node starts on its own: the server, the command line, and each child process or worker thread
 * (started through `entryPoint()` in src/lib/runtime.ts, which names these same paths). A new worker entry
 * file must be added here, or the compiled server will not find it.
 */
export const entryPoints = ['server', 'cli', 'db/pglite-process', 'modules/mapping/psi-worker/psi.worker'];

/**
 * Bare imports other than our own workspace packages are resolved from node_modules at run time. A deep import
 * into a package without an `exports` map (`graphology-metrics/centrality/betweenness`) is written with the file
 * it resolves to, since Node's ESM loader, unlike a bundler, does not add extensions.
 */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.resolving || args.path.startsWith('@partnergraph/')) return undefined;
      const deep = /^(@[^/]+\/[^/]+|[^@/][^/]*)\/(.+)$/.exec(args.path);
      if (!deep || isBuiltin(args.path) || /\.[cm]?js(on)?$/.test(deep[2]))
        return { path: args.path, external: true };
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      const marker = `${path.sep}node_modules${path.sep}${deep[1]}${path.sep}`;
      const at = resolved.path.lastIndexOf(marker);
      if (at < 0) return { path: args.path, external: true };
      const pkgDir = resolved.path.slice(0, at + marker.length);
      const pkg = JSON.parse(await readFile(path.join(pkgDir, 'package.json'), 'utf8'));
      if (pkg.exports) return { path: args.path, external: true };
      const file = path.relative(pkgDir, resolved.path).split(path.sep).join('/');
      return { path: `${deep[1]}/${file}`, external: true };
    });
  },
};

const outdir = path.join(root, 'dist');
await rm(outdir, { recursive: true, force: true });
const t0 = performance.now();
await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(entryPoints.map((e) => [e, `src/${e}.ts`])),
  outdir,
  bundle: true,
  // Modules the entries share (most of the server) are one set of chunks, not copied into each entry.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: 'linked',
  // Stack traces name our source files; the maps are read only when Node runs with --enable-source-maps.
  sourcesContent: false,
  plugins: [externalPackages],
  logLevel: 'warning',
});
console.log(`server compiled to dist/ in ${Math.round(performance.now() - t0)} ms`);
