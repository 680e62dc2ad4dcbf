import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The API serves services/web/dist; a fresh clone has none, so build it once before the browser tests. */
export default async function setup() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  await build({ root, logLevel: 'warn', configFile: join(root, 'vite.config.ts') });
}
