// Factories build valid records directly in the database. The demo ecosystem
// and the tests use the same functions, so the demo is always data the tests
// have seen. Rows that imports of history (or the CLI) write too are built by
// their module (`*.records.ts`); a factory here makes up what a test leaves out.
// One module to import from; each part lives in factories/ by domain.
export * from './factories/identity';
export * from './factories/programs';
export * from './factories/deals';
export * from './factories/marketplace';
export * from './factories/webhooks';
