import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The API serves services/web/dist; a fresh clone has none, so build it once before the browser tests. */
export default async function setup() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, mode: 'production', logLevel: 'warn', configFile: join(root, 'vite.config.ts') });
  } finally {
    process.env.NODE_ENV = previous;
  }
}
