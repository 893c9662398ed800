// A worker thread starts as plain Node: it loads tsx first, as bin/partnergraph.mjs does, so the worker runs
// the TypeScript sources of the shared psi module whether the server runs under tsx, the CLI or a test.
import { register } from 'tsx/esm/api';

register();
await import('./psi.worker.ts');
