/**
 * `npm start` runs this first (npm's prestart): it builds the browser client (vite build) and the
 * server (vite build --config vite.server.config.ts) when their output is missing or older than a
 * source, so the server itself then runs as plain compiled JavaScript. SKIP_BUILD=1 skips it.
 * Plain JavaScript on purpose: it must run before anything is compiled.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['index.html', 'package-lock.json', 'src', 'assets', 'scenarios', 'docs/RULES.md'];
const TARGETS = [
  { what: 'client', output: 'dist/client/index.html', config: 'vite.config.ts' },
  { what: 'server', output: 'dist/server/main.js', config: 'vite.server.config.ts' },
];

/** Newest modification time (ms) under the given paths, skipping missing ones. */
function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) walk(p);
  return newest;
}

if (process.env.SKIP_BUILD !== '1') {
  for (const t of TARGETS) {
    const builtAt = existsSync(t.output) ? statSync(t.output).mtimeMs : 0;
    if (builtAt > 0 && builtAt >= newestMtime([...SOURCES, t.config])) continue;
    process.stderr.write(`${builtAt ? 'stale' : 'no'} ${t.what} build: running vite build --config ${t.config}\n`);
    const vite = join('node_modules', 'vite', 'bin', 'vite.js');
    const res = spawnSync(process.execPath, [vite, 'build', '--config', t.config, '--logLevel', 'warn'], {
      stdio: 'inherit',
    });
    if (res.status !== 0) {
      process.stderr.write(`the ${t.what} build failed (exit ${res.status}); see the messages above\n`);
      process.exit(1);
    }
  }
}
