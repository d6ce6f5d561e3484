/**
 * The real game server for the online browser tests: the project's own `createServer` with the
 * game's options and the worker-thread bots (as `npm start` runs it), on a free port, with a fresh
 * data directory, serving the production client build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type CreateServerOptions, type RunningServer } from '../../src/server/index';
import { eastAsiaServer } from '../../src/server/east-asia';
import { workerBot } from '../../src/server/bot-pool';
import { consoleLogger } from '../../src/server/log';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DIST, ensureBuilt } from './build';
import { launch } from './browser';

export interface OnlineServer {
  url: string;
  server: RunningServer;
  close(): Promise<void>;
}

export async function startOnlineServer(
  clientDir: string,
  opts: Pick<CreateServerOptions, 'clockSecondMs' | 'lobbyLimits' | 'limits'> = {},
): Promise<OnlineServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eat-online-'));
  const logger = consoleLogger({ quiet: true });
  const bot = workerBot({ logger });
  const server = await createServer({
    ...eastAsiaServer,
    bot,
    port: 0,
    host: '127.0.0.1',
    dataDir,
    clientDir,
    logger,
    ...opts,
  });
  return {
    url: `http://127.0.0.1:${server.port}`,
    server,
    close: async () => {
      await server.close();
      await bot.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The real server with the production client and one Chromium, shared by a test file's tests (as useBuiltClient). */
export function useOnlineServer(opts: Parameters<typeof startOnlineServer>[1] = {}): {
  readonly server: OnlineServer;
  readonly browser: Browser;
} {
  const env = {} as { server: OnlineServer; browser: Browser };
  beforeAll(async () => {
    await ensureBuilt();
    env.server = await startOnlineServer(DIST, opts);
    env.browser = await launch();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
