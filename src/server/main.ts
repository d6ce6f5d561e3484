/**
 * `npm start`: builds the client if needed, then serves it, the lobby API and the game's socket on
 * one port. Environment: PORT (8000), DATA_DIR (./data), CLIENT_DIR (dist/client),
 * SQLITE_SYNCHRONOUS (NORMAL|FULL), SKIP_CLIENT_BUILD=1.
 */
import { resolve } from 'node:path';
import { workerBot } from './bot-pool';
import { eastAsiaServer } from './east-asia';
import { ensureClient } from './ensure-client';
import { createServer } from './index';
import { consoleLogger } from './log';

const logger = consoleLogger();
const root = process.cwd();
const clientDir = resolve(process.env.CLIENT_DIR ?? 'dist/client');
if (process.env.SKIP_CLIENT_BUILD !== '1') ensureClient(root, clientDir, logger);

const server = await createServer({
  ...eastAsiaServer,
  // Bot decisions run in a worker thread: an expert's search must not stall the other matches' sockets.
  bot: workerBot({ logger }),
  port: Number(process.env.PORT ?? 8000),
  dataDir: process.env.DATA_DIR ?? './data',
  clientDir,
  logger,
  processGuards: true,
});
process.stdout.write(`East Asia Tomorrow: ${server.url} (data: ${server.storage.path})\n`);

let closing = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (closing) return;
    closing = true;
    logger.info(`${sig}: closing`, { event: 'shutdown' });
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error('close failed', { event: 'shutdown', err });
        process.exit(1);
      },
    );
  });
}
