/**
 * The server process (src/server/main.ts, as `npm start` runs it) answers /healthz and /readyz, and
 * on SIGTERM drains: its clients are dropped in the way that makes socket.io clients reconnect, the
 * moves it acknowledged are all stored, the process exits 0, and the match goes on when a server is
 * back on the same port and data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../src/server/storage';
import { memoryLogger } from '../../src/server/log';
import { AutoSeat, GAME } from './auto-seat';
import { api, newMatch, sleep } from './helpers';
import { children, freePort, spawnMain } from './main-process';

const dirs: string[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function until(pred: () => boolean, ms: number): Promise<void> {
  for (const t0 = Date.now(); !pred();) {
    if (Date.now() - t0 > ms) throw new Error('condition not met in time');
    await sleep(20);
  }
}

describe('graceful shutdown of the server process', () => {
  it('answers health probes, drains on SIGTERM without losing an acknowledged move, and the match goes on', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'eat-drain-'));
    dirs.push(dataDir);
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
    const url = `http://127.0.0.1:${port}`;
    const first = await spawnMain(env);
    expect(await api(url, '/healthz')).toEqual({ status: 200, json: { status: 'up' } });
    expect(await api(url, '/readyz')).toEqual({ status: 200, json: { status: 'ready' } });
    const { matchID, creds } = await newMatch(url, GAME, { setupData: { scenario: 'baseline-2023', variant: 2 } }, [
      '0',
      '1',
    ]);
    const seats = ['0', '1'].map((p) => new AutoSeat(url, matchID, p, creds[p]));
    const moved = () => Math.max(...seats.map((s) => s.state?._stateID ?? 0));
    await until(() => moved() >= 12, 150_000);
    const exited = new Promise<number | null>((ok) => first.on('exit', (code) => ok(code)));
    first.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Dropped as by a restart, not sent away: every client reconnects on its own.
    for (const s of seats) expect(s.drops).toEqual(['transport close']);
    const storage = new SqliteStorage({ dataDir, logger: memoryLogger() });
    const { state, log } = await storage.fetch(matchID, { state: true, log: true });
    await storage.close();
    for (const s of seats) expect(state!._stateID).toBeGreaterThanOrEqual(s.acked);
    expect(log!.filter((e) => e.action.type === 'MAKE_MOVE')).toHaveLength(state!._stateID);
    // Back on the same port and data: the seats reconnect by themselves and play on.
    await spawnMain(env);
    await until(() => moved() >= state!._stateID + 6, 150_000);
    for (const s of seats) s.close();
  }, 420_000);
});
