// Where the server's files are, whether it runs from source (tsx, vitest) or from the compiled bundle in dist/.
// The bundle merges modules into a few files, so a module's own location (import.meta.url) says nothing about
// where the migrations or the repository are: both are found from the server package's root instead, which is
// the nearest folder with a package.json above this file in either layout (src/lib/ or dist/chunks/).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);

function packageRoot(from: string): string {
  for (let dir = path.dirname(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

/** True when this process runs the compiled JavaScript in dist/ (npm start), false under tsx or vitest. */
export const compiled = !/\.[cm]?ts$/.test(self);
/** apps/server */
export const serverRoot = packageRoot(self);
/** The repository (docs/, apps/web/dist, the default data directory). */
export const repoRoot = path.resolve(serverRoot, '../..');
/** Drizzle's generated migrations, shipped as files beside the code in both layouts. */
export const migrationsFolder = path.join(serverRoot, 'drizzle');

/**
 * A separate entry point (a child process or a worker thread), by its path under src/ without extension,
 * e.g. `db/pglite-process`. From source it is the .ts file run through tsx; compiled, the .js file the build
 * emitted for it — every such entry must be listed in scripts/build.mjs (`entryPoints`).
 */
export function entryPoint(name: string): { file: string; execArgv: string[] } {
  return compiled
    ? { file: path.join(serverRoot, 'dist', `${name}.js`), execArgv: [] }
    : { file: path.join(serverRoot, 'src', `${name}.ts`), execArgv: ['--import', 'tsx'] };
}
