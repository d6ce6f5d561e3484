/** Test helpers: a real server on an ephemeral port, the lobby over HTTP, raw socket.io clients that record everything. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { createServer, type CreateServerOptions, type RunningServer } from '../../src/server/index';
import type { LobbySpec } from '../../src/server/lobby';
import { memoryLogger } from '../../src/server/log';
import { SqliteStorage } from '../../src/server/storage';
import { SecretGame, secretSetupSchema, type SecretSetup } from './fixtures/secret-game';

export const secretLobby: LobbySpec<SecretSetup> = {
  setupSchema: secretSetupSchema,
  numPlayers: (_s, requested) => requested ?? 2,
  botLevels: ['easy', 'hard'],
};

export interface TestServer extends RunningServer {
  dataDir: string;
  logs: ReturnType<typeof memoryLogger>;
  stop(): Promise<void>;
}

export async function startSecretServer(
  extra: Partial<CreateServerOptions> = {},
  dataDir?: string,
): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'eat-server-'));
  const logs = memoryLogger();
  const s = await createServer({
    game: SecretGame,
    lobby: secretLobby,
    port: 0,
    dataDir: dir,
    logger: logs,
    clientDir: join(dir, 'no-client'),
    ...extra,
  });
  return {
    ...s,
    dataDir: dir,
    logs,
    stop: async () => {
      await s.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The SQLite database under a test server, for tests that write rows directly (the default engine). */
export function sqliteOf(server: RunningServer): SqliteStorage['db'] {
  if (!(server.storage instanceof SqliteStorage)) throw new Error('this test needs the SQLite engine');
  return server.storage.db;
}

export async function api<T = Record<string, unknown>>(
  base: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const res = await fetch(
    base + path,
    body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : {}) as T };
}

/** Creates a match and seats players 0..n-1; returns the id and each seat's credentials. */
export async function newMatch(
  base: string,
  game: string,
  body: Record<string, unknown>,
  seats: string[],
): Promise<{ matchID: string; creds: Record<string, string> }> {
  const created = await api<{ matchID: string }>(base, `/games/${game}/create`, body);
  if (created.status !== 200) throw new Error(`create failed: ${JSON.stringify(created.json)}`);
  const creds: Record<string, string> = {};
  for (const p of seats) {
    const j = await api<{ playerCredentials: string }>(base, `/games/${game}/${created.json.matchID}/join`, {
      playerID: p,
      playerName: `P${p}`,
    });
    if (j.status !== 200) throw new Error(`join failed: ${JSON.stringify(j.json)}`);
    creds[p] = j.json.playerCredentials;
  }
  return { matchID: created.json.matchID, creds };
}

export interface Recorded {
  event: string;
  args: unknown[];
}

/** A raw socket.io client on a game's namespace that records every message it receives. */
export class RawClient {
  readonly socket: Socket;
  readonly received: Recorded[] = [];
  private waiters: { pred: (r: Recorded) => boolean; ok: (r: Recorded) => void }[] = [];

  constructor(base: string, game: string) {
    this.socket = io(`${base}/${game}`, { transports: ['websocket'], forceNew: true, reconnection: false });
    this.socket.onAny((event: string, ...args: unknown[]) => {
      const r = { event, args };
      this.received.push(r);
      this.waiters = this.waiters.filter((w) => (w.pred(r) ? (w.ok(r), false) : true));
    });
  }

  connected(): Promise<void> {
    return new Promise((ok, fail) => {
      if (this.socket.connected) return ok();
      this.socket.once('connect', () => ok());
      this.socket.once('connect_error', fail);
    });
  }

  /** Resolves with the first message (from now on, or already received after `from`) matching `pred`. */
  next(pred: (r: Recorded) => boolean, timeoutMs = 3000, from = this.received.length): Promise<Recorded> {
    const seen = this.received.slice(from).find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((ok, fail) => {
      const t = setTimeout(
        () => fail(new Error(`timed out waiting; last: ${JSON.stringify(this.received.slice(-3)).slice(0, 400)}`)),
        timeoutMs,
      );
      this.waiters.push({ pred, ok: (r) => (clearTimeout(t), ok(r)) });
    });
  }

  emit(event: string, ...args: unknown[]): number {
    const mark = this.received.length;
    this.socket.emit(event, ...args);
    return mark;
  }

  async sync(matchID: string, playerID: string | null, credentials?: string): Promise<Recorded> {
    const mark = this.emit('sync', matchID, playerID, credentials, 2);
    return this.next((r) => r.event === 'sync' || r.event === 'refused', 3000, mark);
  }

  /** Sends a move on the given state id and waits for the update past that state, or a refusal. */
  async move(
    matchID: string,
    playerID: string,
    credentials: string,
    stateID: number,
    type: string,
    args: unknown[] = [],
  ): Promise<Recorded> {
    const mark = this.emit(
      'update',
      { type: 'MAKE_MOVE', payload: { type, args, playerID, credentials } },
      stateID,
      matchID,
      playerID,
    );
    return this.next(
      (r) => (r.event === 'update' && stateOf(r)._stateID > stateID) || r.event === 'refused',
      3000,
      mark,
    );
  }

  close(): void {
    this.socket.close();
  }
}

/** The `_stateID` and G of a sync or update message. */
export function stateOf(r: Recorded): {
  _stateID: number;
  G: Record<string, unknown>;
  ctx: Record<string, unknown>;
  plugins?: unknown;
} {
  if (r.event === 'sync') return (r.args[1] as { state: ReturnType<typeof stateOf> }).state;
  if (r.event === 'update') return r.args[1] as ReturnType<typeof stateOf>;
  throw new Error(`not a state message: ${r.event} ${JSON.stringify(r.args).slice(0, 300)}`);
}

export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
