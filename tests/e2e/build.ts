/**
 * Makes sure `dist/client` holds a production build newer than every source it is built from;
 * builds it (vite build) when missing or stale. Safe to call from several test files: a lock
 * directory serialises concurrent builds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(ROOT, 'dist/client');
const INPUTS = ['src', 'index.html', 'vite.config.ts', 'docs/RULES.md', 'package-lock.json', 'assets'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of readdirSync(path)) m = Math.max(m, newest(join(path, e)));
  return m;
}

export function isStale(): boolean {
  const built = join(DIST, 'index.html');
  if (!existsSync(built)) return true;
  const at = statSync(built).mtimeMs;
  return INPUTS.some((p) => newest(join(ROOT, p)) > at);
}

export async function ensureBuilt(): Promise<void> {
  const lock = join(ROOT, 'node_modules/.cache/eat-e2e-build.lock');
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another file is building; a lock older than 3 minutes is left over from a killed run.
      if (waited > 180_000 || Date.now() - statSync(lock).mtimeMs > 180_000)
        rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (isStale())
      execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
        cwd: ROOT,
        stdio: 'inherit',
      });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
