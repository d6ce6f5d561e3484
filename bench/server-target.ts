/**
 * One server for `bench/server.ts` and `bench/flood.ts`, in its own process: `sqlite` (ours: hardened
 * transport, SQLite in DATA_DIR, the per-connection limits lifted), `sqlite-limits` (ours with every
 * default limit, counting clients by X-Forwarded-For as behind a proxy) or `memory` (boardgame.io's
 * stock Server: stock socket transport, in-memory storage) or `cluster` (ours as one instance of a cluster:
 * PostgreSQL at DATABASE_URL, Redis at REDIS_URL under REDIS_PREFIX, limits lifted as for `sqlite`).
 * Prints `{"port":N}` when listening; answers each `cpu` line on stdin with its CPU time so far
 * (`{"cpuMs":N}`), which gives a load-independent cost per move on a shared machine.
 */
import { Server } from 'boardgame.io/server';
import { createServer } from '../src/server/index';
import { connectCluster, joinCluster } from '../src/server/cluster';
import { openStorage } from '../src/server/storage';
import { consoleLogger } from '../src/server/log';
import { SecretGame, secretSetupSchema } from '../tests/server/fixtures/secret-game';
import { oneFile, oneOf, scriptFlags } from '../src/cli/args';

const KINDS = ['sqlite', 'sqlite-limits', 'memory', 'cluster'] as const;
const kind = scriptFlags(
  'bench/server-target.ts',
  `usage: tsx bench/server-target.ts ${KINDS.join('|')}
  one server for bench/server.ts, bench/flood.ts and bench/cluster.ts, which start it`,
  {},
  (_v, positionals) => oneOf('KIND', oneFile(positionals, 'KIND'), KINDS),
  true,
);
if (kind === 'sqlite' || kind === 'sqlite-limits' || kind === 'cluster') {
  const limited = kind === 'sqlite-limits';
  const logger = consoleLogger({ quiet: true });
  const clustered =
    kind === 'cluster'
      ? {
          storage: openStorage({ databaseUrl: process.env.DATABASE_URL, logger }),
          cluster: joinCluster(await connectCluster(process.env.REDIS_URL!, process.env.REDIS_PREFIX), logger),
        }
      : {};
  const s = await createServer({
    game: SecretGame,
    lobby: { setupSchema: secretSetupSchema, numPlayers: (_s, n) => n ?? 2, botLevels: ['x'] },
    port: 0,
    dataDir: process.env.DATA_DIR,
    clientDir: 'no-client',
    logger,
    ...clustered,
    // The throughput benchmark's clients move back to back and all come from one address; the limits
    // are for people, not for this. The flood benchmark keeps every default and tells clients apart.
    ...(limited
      ? { trustProxy: true }
      : {
          limits: { burst: 1e9, perSecond: 1e9 },
          lobbyLimits: {
            create: { points: 1e9, seconds: 1 },
            join: { points: 1e9, seconds: 1 },
            api: { points: 1e9, seconds: 1 },
            maxOpenPerCreator: 1e9,
            maxOpenMatches: 1e9,
          },
          connectionLimits: { maxSocketsPerAddress: 1e9 },
        }),
    processGuards: true,
  });
  process.stdout.write(JSON.stringify({ port: s.port }) + '\n');
} else {
  const server = Server({ games: [SecretGame], origins: [] });
  const { appServer } = await server.run(0);
  const addr = appServer.address() as { port: number };
  process.stdout.write(JSON.stringify({ port: addr.port }) + '\n');
}

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  for (const line of chunk.split('\n')) {
    if (line.trim() !== 'cpu') continue;
    const u = process.cpuUsage();
    process.stdout.write(JSON.stringify({ cpuMs: (u.user + u.system) / 1000 }) + '\n');
  }
});
