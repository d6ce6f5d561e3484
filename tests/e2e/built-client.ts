/** The production client on a loopback server and one Chromium, shared by a test file's tests. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DIST, ensureBuilt } from './build';
import { launch } from './browser';
import { serveStatic, type StaticServer } from './static-server';

export interface BuiltClient {
  readonly server: StaticServer;
  readonly browser: Browser;
}

/** Registers the file's beforeAll/afterAll; the fields are set once beforeAll has run. */
export function useBuiltClient(): BuiltClient {
  const env = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    await ensureBuilt();
    env.server = await serveStatic(DIST);
    env.browser = await launch();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
