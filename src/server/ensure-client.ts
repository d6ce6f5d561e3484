/** `npm start` builds the browser client when `dist/client` is missing or older than its sources. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from './log';

const SOURCES = ['index.html', 'vite.config.ts', 'package-lock.json', 'src', 'assets', 'scenarios', 'docs/RULES.md'];

/** Newest modification time (ms) under the given paths, skipping missing ones. */
export function newestMtime(root: string, paths: readonly string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) walk(join(root, p));
  return newest;
}

/** Runs `vite build` if the built client is missing or stale; returns whether a client is there afterwards. */
export function ensureClient(root: string, clientDir: string, logger: Logger): boolean {
  const built = join(clientDir, 'index.html');
  if (!existsSync(join(root, 'index.html'))) {
    logger.warn('no index.html at the project root: the browser client is not written yet, nothing to build', {
      event: 'build',
    });
    return existsSync(built);
  }
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  if (builtAt > 0 && builtAt >= newestMtime(root, SOURCES)) return true;
  logger.info(builtAt ? 'client build is stale: running vite build' : 'no client build: running vite build', {
    event: 'build',
  });
  const res = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (res.status !== 0) {
    logger.error('vite build failed; serving the previous build if any', { event: 'build', status: res.status });
    return existsSync(built);
  }
  return true;
}
