/**
 * The server process (`npm start` runs its compiled form, dist/server/main.js, after
 * scripts/build-if-stale.mjs): the built client, the lobby API and the game's socket on one port.
 * Environment: PORT (8000), DATA_DIR (./data) or DATABASE_URL (postgres://…), CLIENT_DIR (dist/client),
 * SQLITE_SYNCHRONOUS (NORMAL|FULL), REDIS_URL and REDIS_PREFIX (one instance of a cluster),
 * DRAIN_TIMEOUT_S and the limits of settings.ts (HOST, …; docs/DEPLOY.md).
 */
import { resolve } from 'node:path';
import { workerBot } from './bot-pool';
import { ClusterConfigError, connectCluster, joinCluster, type ClusterLink } from './cluster';
import { DataDirLockedError } from './data-dir-lock';
import { eastAsiaServer } from './east-asia';
import { createServer, type RunningServer } from './index';
import { consoleLogger } from './log';
import { readSettings, type ServerSettings } from './settings';

const logger = consoleLogger();
const clientDir = resolve(process.env.CLIENT_DIR ?? 'dist/client');

/** A setting or data-directory problem ends the process with one clear line, not a stack trace. */
function fatal(err: unknown): never {
  const known =
    err instanceof DataDirLockedError ||
    err instanceof ClusterConfigError ||
    (err instanceof Error && /^(bad server settings|storage:)/.test(err.message));
  if (!known) throw err;
  process.stderr.write(`East Asia Tomorrow: ${err.message}\n`);
  process.exit(1);
}

let server: RunningServer;
let link: ClusterLink | undefined;
let settings: ServerSettings;
try {
  settings = readSettings(process.env);
  if (process.env.REDIS_URL) link = await connectCluster(process.env.REDIS_URL, process.env.REDIS_PREFIX || 'eat:');
  server = await start(settings, link);
} catch (err) {
  fatal(err);
}

function start(settings: ServerSettings, link: ClusterLink | undefined): Promise<RunningServer> {
  return createServer({
    ...eastAsiaServer,
    // Bot decisions run in a worker thread: an expert's search must not stall the other matches' sockets.
    bot: workerBot({ logger }),
    port: Number(process.env.PORT ?? 8000),
    host: settings.host,
    trustProxy: settings.trustProxy,
    lobbyLimits: settings.lobby,
    connectionLimits: settings.connections,
    dataDir: process.env.DATA_DIR ?? './data',
    clientDir,
    logger,
    processGuards: true,
    cluster: link ? joinCluster(link, logger) : undefined,
  });
}
process.stdout.write(`East Asia Tomorrow: ${server.url} (data: ${server.storage.location})\n`);

let closing = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (closing) return;
    closing = true;
    logger.info(`${sig}: draining`, { event: 'shutdown' });
    // A drain that hangs (a stuck socket, a storage that stopped answering) must not keep the process alive.
    setTimeout(() => {
      logger.error('drain timed out; exiting', { event: 'shutdown' });
      process.exit(1);
    }, settings.drainTimeoutS * 1000).unref();
    server.close().then(
      async () => {
        await link?.close();
        process.exit(0);
      },
      (err: unknown) => {
        logger.error('close failed', { event: 'shutdown', err });
        process.exit(1);
      },
    );
  });
}
