import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '../src/db/client';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDir: string | null;
  }
}

/**
 * On PGlite, migrate one data directory once; every test file copies it
 * (~0.1 s) instead of running initdb and the migrations again (~6 s).
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('templateDir', null);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnergraph-template-'));
  const database = await openDatabase({ dataDir: dir });
  await migrateDatabase(database.db);
  await database.close();
  project.provide('templateDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
