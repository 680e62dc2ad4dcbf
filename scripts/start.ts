/**
 * `pnpm start`: builds the web UI only when its sources changed since the last build, then starts
 * the API (which serves it) in this same process, so Ctrl-C reaches one process that stops cleanly.
 */
import { buildUi } from '@gevinst/web/build';

const started = Date.now();
const build = await buildUi({ logLevel: 'warn' });
console.log(build === 'built' ? `gevinst: built the web UI in ${((Date.now() - started) / 1000).toFixed(1)} s` : 'gevinst: the web UI is unchanged since its last build; reusing it');
const { gevinst } = await import('@gevinst/api/main');
// it listens at once (and /healthz says how far it has caught up); a person is sent to it once its
// figures are current and the demo is loaded. A failed start is reported and ended by main.ts.
await gevinst.ready.catch(() => new Promise<never>(() => undefined));
console.log(`gevinst: open ${gevinst.url.replace('127.0.0.1', 'localhost')} in a browser (Ctrl-C stops it)`);
