// The worker's entry: the server runs TypeScript through tsx (and the tests through vitest), and a
// worker thread starts without either, so tsx's loader is registered here before the TS is imported.
import { register } from 'tsx/esm/api';

register();
await import('./parseWorker.ts');
