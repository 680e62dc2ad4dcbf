/**
 * `pnpm start`: builds the web UI only when its sources changed since the last build, then starts
 * the API (which serves it) in this same process, so Ctrl-C reaches one process that stops cleanly.
 */
import { buildUi } from '@gevinst/web/build';

const started = Date.now();
const build = await buildUi({ logLevel: 'warn' });
console.log(build === 'built' ? `gevinst: built the web UI in ${((Date.now() - started) / 1000).toFixed(1)} s` : 'gevinst: the web UI is unchanged since its last build; reusing it');
const { gevinst } = await import('@gevinst/api/main');
console.log(`gevinst: open ${gevinst.url.replace('127.0.0.1', 'localhost')} in a browser (Ctrl-C stops it)`);
