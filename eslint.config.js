import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Doors between modules (docs/ARCHITECTURE.md, CONTRIBUTING.md): a module's tables are read and written
// by that module alone; every other file goes through its repository or service. Tests may read tables
// to check what was stored. The files below predate the rule and still reach into another module's
// tables: the list may only shrink (moving a query into its module's repository takes a file off it).
// What is left: the partner and people importers still hand the owning modules' tables to the batch
// helpers of db/bulk.ts (find by external id, update by ids) and write partner types, profiles, users,
// enrollments and tier history directly; they move as those modules' *.records.ts offer batch writes
// (as deals.records.ts and marketplace.records.ts do for the other importers). The seed writes the demo's rows table by table; it moves as its
// record builders move into their modules (as deals.records.ts and notifications.records.ts did).
const notYetThroughDoors = [
  'apps/server/src/modules/imports/partners.importer.ts',
  'apps/server/src/modules/imports/people.importer.ts',
  'apps/server/src/seed/community-factories.ts',
  'apps/server/src/seed/demo-community.ts',
  'apps/server/src/seed/demo.ts',
  'apps/server/src/seed/factories/*.ts', // factories.ts, split by domain
];
const doorsMessage =
  "Another module's tables are private to it: call its repository or service (docs/ARCHITECTURE.md, 'Doors').";
const doors = (regex) => ({
  'no-restricted-imports': ['error', { patterns: [{ regex, message: doorsMessage }] }],
});

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      'apps/server/drizzle/**',
      'packages/client/src/schema.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: [
      'scripts/**',
      'apps/server/scripts/**',
      'bench/**',
      '.ci/**',
      'packages/client/examples/**',
      'apps/server/src/cli.ts',
      'apps/server/bin/**',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    // Inside a module: a sibling module's tables (`../deals/deals.tables`).
    // A tables file may name another module's table, for a foreign key: Drizzle declares one no other way.
    files: ['apps/server/src/modules/**/*.ts'],
    ignores: ['apps/server/src/modules/**/*.tables.ts', ...notYetThroughDoors],
    rules: doors('^\\.\\./[^/]+/[^/]+\\.tables(\\.js)?$'),
  },
  {
    // Outside the modules (jobs, seed, plugins, lib, the CLI, benchmarks): any module's tables.
    files: ['apps/server/src/**/*.ts', 'apps/server/scripts/**/*.ts', 'bench/**/*.ts'],
    ignores: ['apps/server/src/modules/**', ...notYetThroughDoors],
    rules: doors('(^|/)modules/[^/]+/[^/]+\\.tables(\\.js)?$'),
  },
);
