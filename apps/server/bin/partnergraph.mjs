#!/usr/bin/env node
// `npx partnergraph …`: the server runs TypeScript through tsx, and so does its command line.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
