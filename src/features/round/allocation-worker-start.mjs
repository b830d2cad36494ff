// A worker thread runs the TypeScript sources through tsx like the CLI does (bin/tarjotin.mjs): register, then load.
import { register } from 'tsx/esm/api';

register();
await import('./allocation-worker.ts');
