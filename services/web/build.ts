import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const stamp = join(dist, '.sources.sha256');
/** what a build reads besides node_modules: a change to any of these makes the next start build again */
const inputs = ['src', 'index.html', 'vite.config.ts', 'package.json', '../../pnpm-lock.yaml'];

const filesOf = (path: string): string[] => {
  if (!existsSync(path)) return [path];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
};

/** One hash over the names and contents of every input file, in a stable order. */
export function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((input) => filesOf(join(root, input))).sort()) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(existsSync(file) ? readFileSync(file) : '(missing)');
  }
  return hash.digest('hex');
}

export type UiBuild = 'built' | 'reused';

/**
 * Builds the web UI into services/web/dist unless the build there was made from the same sources,
 * which `pnpm start` and the browser tests would otherwise redo each time (~20–40 s).
 */
export async function buildUi(options: { force?: boolean; logLevel?: 'info' | 'warn' } = {}): Promise<UiBuild> {
  const sources = sourcesHash();
  const previous = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : null;
  if (!options.force && previous === sources && existsSync(join(dist, 'index.html'))) return 'reused';
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, mode: 'production', logLevel: options.logLevel ?? 'warn', configFile: join(root, 'vite.config.ts') });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  writeFileSync(stamp, `${sources}\n`);
  return 'built';
}
