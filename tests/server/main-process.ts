/** The server entry (src/server/main.ts, which `npm start` runs compiled) as a child process on a port of the test's choosing. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as netServer } from 'node:net';
import { createInterface } from 'node:readline';

/** Every child started here, so a test's afterAll can make sure none outlives it. */
export const children: ChildProcess[] = [];

/** A loopback port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = netServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** Starts src/server/main.ts with `env` and resolves once it listens; its log lines (JSON, on stderr) go to `logs`. */
export function spawnMain(env: Record<string, string>, logs: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, CLIENT_DIR: 'no-client-for-tests', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  createInterface({ input: child.stderr! }).on('line', (line) => {
    logs.push(line);
    if (stderr.length < 4000) stderr += line + '\n';
  });
  return new Promise((ok, fail) => {
    const t = setTimeout(() => fail(new Error(`server did not start: ${stderr}`)), 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('East Asia Tomorrow: http')) {
        clearTimeout(t);
        ok(child);
      }
    });
    child.on('exit', (code) => fail(new Error(`server exited ${code}: ${stderr}`)));
  });
}
