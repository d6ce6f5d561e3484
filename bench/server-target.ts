/**
 * One server for `bench/server.ts`, in its own process: `sqlite` (ours: hardened transport, SQLite in
 * DATA_DIR) or `memory` (boardgame.io's stock Server: stock socket transport, in-memory storage).
 * Prints `{"port":N}` when listening; answers each `cpu` line on stdin with its CPU time so far
 * (`{"cpuMs":N}`), which gives a load-independent cost per move on a shared machine.
 */
import { Server } from 'boardgame.io/server';
import { createServer } from '../src/server/index';
import { consoleLogger } from '../src/server/log';
import { SecretGame, secretSetupSchema } from '../tests/server/fixtures/secret-game';

const kind = process.argv[2];
if (kind === 'sqlite') {
  const s = await createServer({
    game: SecretGame,
    lobby: { setupSchema: secretSetupSchema, numPlayers: (_s, n) => n ?? 2, botLevels: ['x'] },
    port: 0,
    dataDir: process.env.DATA_DIR,
    clientDir: 'no-client',
    logger: consoleLogger({ quiet: true }),
    // The benchmark's clients move back to back; the per-connection limit is for people, not for this.
    limits: { burst: 1e9, perSecond: 1e9 },
    processGuards: true,
  });
  process.stdout.write(JSON.stringify({ port: s.port }) + '\n');
} else if (kind === 'memory') {
  const server = Server({ games: [SecretGame], origins: [] });
  const { appServer } = await server.run(0);
  const addr = appServer.address() as { port: number };
  process.stdout.write(JSON.stringify({ port: addr.port }) + '\n');
} else {
  process.stderr.write('usage: server-target.ts sqlite|memory\n');
  process.exit(2);
}

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  for (const line of chunk.split('\n')) {
    if (line.trim() !== 'cpu') continue;
    const u = process.cpuUsage();
    process.stdout.write(JSON.stringify({ cpuMs: (u.user + u.system) / 1000 }) + '\n');
  }
});
