/** The real game's server for a describe block: as `npm start` configures it, on a free port, with a fresh data directory. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { State } from 'boardgame.io';
import { afterAll, beforeAll } from 'vitest';
import { eastAsiaServer } from '../../src/server/east-asia';
import { createServer, type RunningServer } from '../../src/server/index';
import { memoryLogger } from '../../src/server/log';
import type { Recorded } from './helpers';

/** Starts the server before the block's tests and closes it (and deletes its data) after them. */
export function eastAsiaServerForSuite(): () => RunningServer {
  let server: RunningServer | undefined;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eat-real-'));
    server = await createServer({
      ...eastAsiaServer,
      port: 0,
      dataDir: dir,
      logger: memoryLogger(),
      clientDir: join(dir, 'none'),
    });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => server!;
}

/** The state a recorded `sync` or `update` carries, else null. */
export const stateIn = (r: Recorded): State | null =>
  r.event === 'update' ? (r.args[1] as State) : r.event === 'sync' ? (r.args[1] as { state: State }).state : null;
