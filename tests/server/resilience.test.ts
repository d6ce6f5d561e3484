/** Crash safety (SIGKILL under load, restart on the same data), reconnect, and a corrupted row on a live server. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { seatFor, legalMoves } from '../../src/rules';
import { SqliteStorage } from '../../src/server/storage';
import { memoryLogger } from '../../src/server/log';
import { newMatch, RawClient, sleep, sqliteOf, startSecretServer, stateOf } from './helpers';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  // A failed test must not leave a server running.
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Starts a server script in a child process (default: the test game's) and resolves with its URL. */
function spawnServer(
  dataDir: string,
  script = 'tests/server/fixtures/serve-secret.ts',
): Promise<{ child: ChildProcess; url: string }> {
  // Compiled JavaScript runs under plain node, as `npm start` runs it; TypeScript under tsx.
  const args = script.endsWith('.js') ? [script] : ['--import', 'tsx', script];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((ok, fail) => {
    const t = setTimeout(() => fail(new Error(`server did not start: ${stderr}`)), 30_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const port =
        /^\{"port":(\d+)\}$/.exec(line)?.[1] ?? /^East Asia Tomorrow: http:\/\/localhost:(\d+)/.exec(line)?.[1];
      if (port) {
        clearTimeout(t);
        ok({ child, url: `http://localhost:${port}` });
      }
    });
    child.on('exit', (code) => fail(new Error(`server exited ${code}: ${stderr}`)));
  });
}

describe('crash safety', () => {
  it('keeps every acknowledged move through a SIGKILL under load, and the matches continue', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'eat-crash-'));
    dirs.push(dataDir);
    const first = await spawnServer(dataDir);
    const matches = await Promise.all(
      Array.from({ length: 6 }, () => newMatch(first.url, 'secret-test', { setupData: { target: 10000 } }, ['0', '1'])),
    );
    // acked[matchID] = highest _stateID a mover saw acknowledged (its own update came back).
    const acked = new Map<string, number>();
    let stop = false;
    const players = matches.flatMap(({ matchID, creds }) =>
      ['0', '1'].map(async (p) => {
        const c = new RawClient(first.url, 'secret-test');
        await c.connected();
        let sid = stateOf(await c.sync(matchID, p, creds[p]))._stateID;
        while (!stop) {
          const r = await c
            .move(matchID, p, creds[p]!, sid, p === '0' ? 'roll' : 'add', p === '0' ? [] : [1])
            .catch(() => null);
          if (!r) break;
          if (r.event === 'update') {
            sid = stateOf(r)._stateID;
            acked.set(matchID, Math.max(acked.get(matchID) ?? 0, sid));
          } else {
            // Stale (the other seat moved first): take the resync and go on.
            const s = await c.next((m) => m.event === 'sync', 2000).catch(() => null);
            if (!s) break;
            sid = stateOf(c.received.filter((m) => m.event === 'sync' || m.event === 'update').at(-1)!)._stateID;
          }
        }
        c.close();
      }),
    );
    // Kill it mid-stream, once a fair number of moves are acknowledged (the machine may be slow).
    const ackedSum = () => [...acked.values()].reduce((a, b) => a + b, 0);
    for (const t0 = Date.now(); ackedSum() < 60 && Date.now() - t0 < 20_000;) await sleep(20);
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(players);
    expect(ackedSum()).toBeGreaterThan(30);

    const second = await spawnServer(dataDir);
    const storage = new SqliteStorage({ dataDir, logger: memoryLogger() });
    for (const { matchID, creds } of matches) {
      const { state, log } = await storage.fetch(matchID, { state: true, log: true });
      expect(state!._stateID).toBeGreaterThanOrEqual(acked.get(matchID) ?? 0);
      expect(log!.filter((e) => e.action.type === 'MAKE_MOVE')).toHaveLength(state!._stateID);
      // The match continues on the restarted server.
      const c = new RawClient(second.url, 'secret-test');
      await c.connected();
      const s = stateOf(await c.sync(matchID, '1', creds['1']));
      expect(s._stateID).toBe(state!._stateID);
      expect(stateOf(await c.move(matchID, '1', creds['1']!, s._stateID, 'add', [1]))._stateID).toBe(s._stateID + 1);
      c.close();
    }
    await storage.close();
    second.child.kill('SIGTERM');
  }, 60_000);
});

describe('the production entry point (npm start: node dist/server/main.js)', () => {
  it('serves the real game, survives SIGKILL mid-match and continues it on restart', async () => {
    // The server build of `npm run build`, into a folder of its own (a running `npm start` keeps dist/server)
    // inside the project, so the bundle finds node_modules as dist/server does.
    mkdirSync('node_modules/.cache', { recursive: true });
    const outDir = resolve(mkdtempSync('node_modules/.cache/eat-server-build-'));
    dirs.push(outDir);
    execFileSync(
      process.execPath,
      [
        'node_modules/vite/bin/vite.js',
        'build',
        '--config',
        'vite.server.config.ts',
        '--outDir',
        outDir,
        '--logLevel',
        'error',
      ],
      { stdio: 'inherit' },
    );
    const main = join(outDir, 'main.js');
    const dataDir = mkdtempSync(join(tmpdir(), 'eat-main-'));
    dirs.push(dataDir);
    const game = 'east-asia-tomorrow';
    const first = await spawnServer(dataDir, main);
    // A second server on the same data directory refuses to start, saying why.
    await expect(spawnServer(dataDir, main)).rejects.toThrow(/another server is already using the data directory/);
    const page = await fetch(first.url + '/');
    expect(page.status).toBe(200);
    const { matchID, creds } = await newMatch(
      first.url,
      game,
      { setupData: { scenario: 'baseline-2023', variant: 2 } },
      ['0', '1'],
    );
    const c = new RawClient(first.url, game);
    await c.connected();
    const s = stateOf(await c.sync(matchID, '0', creds['0']));
    // Whoever must act plays its first legal move.
    const player = seatFor(s.G as never, '0') ? '0' : '1';
    const other = new RawClient(first.url, game);
    await other.connected();
    const view = player === '0' ? s : stateOf(await other.sync(matchID, '1', creds['1']));
    const seat = seatFor(view.G as never, player)!;
    const move = legalMoves(view.G as never, seat)[0]!;
    const mover = player === '0' ? c : other;
    const acked = stateOf(await mover.move(matchID, player, creds[player]!, view._stateID, move.move, move.args));
    first.child.kill('SIGKILL');
    c.close();
    other.close();
    const second = await spawnServer(dataDir, main);
    const again = new RawClient(second.url, game);
    await again.connected();
    const resumed = stateOf(await again.sync(matchID, player, creds[player]));
    expect(resumed._stateID).toBe(acked._stateID);
    expect(resumed.G).toEqual(acked.G);
    again.close();
    second.child.kill('SIGTERM');
  }, 180_000);
});

describe('reconnect and corruption on a live server', () => {
  it('a client that drops and returns gets the current state and can move', async () => {
    const server = await startSecretServer();
    const { matchID, creds } = await newMatch(server.url, 'secret-test', { setupData: { target: 500 } }, ['0', '1']);
    const a = new RawClient(server.url, 'secret-test');
    const b = new RawClient(server.url, 'secret-test');
    await Promise.all([a.connected(), b.connected()]);
    let sid = stateOf(await a.sync(matchID, '0', creds['0']))._stateID;
    await b.sync(matchID, '1', creds['1']);
    sid = stateOf(await a.move(matchID, '0', creds['0']!, sid, 'add', [1]))._stateID;
    a.close();
    await b.next((m) => m.event === 'matchData' && JSON.stringify(m.args).includes('"isConnected":false'));
    sid = stateOf(await b.move(matchID, '1', creds['1']!, sid, 'add', [2]))._stateID;
    sid = stateOf(await b.move(matchID, '1', creds['1']!, sid, 'add', [2]))._stateID;
    const back = new RawClient(server.url, 'secret-test');
    await back.connected();
    const s = stateOf(await back.sync(matchID, '0', creds['0']));
    expect(s._stateID).toBe(sid);
    expect(s.G.counter).toBe(5);
    expect(stateOf(await back.move(matchID, '0', creds['0']!, s._stateID, 'add', [3])).G.counter).toBe(8);
    back.close();
    b.close();
    await server.stop();
  });

  it('a corrupted row makes that match unavailable with a clear logged error; the server and other matches live on', async () => {
    const server = await startSecretServer();
    const bad = await newMatch(server.url, 'secret-test', { setupData: { target: 50 } }, ['0']);
    const good = await newMatch(server.url, 'secret-test', { setupData: { target: 50 } }, ['0']);
    sqliteOf(server).prepare('UPDATE matches SET state = \'{"G": tru\' WHERE match_id = ?').run(bad.matchID);
    const c = new RawClient(server.url, 'secret-test');
    await c.connected();
    const r = await c.sync(bad.matchID, '0', bad.creds['0']);
    expect(r.event).toBe('refused');
    expect(
      server.logs.lines.some(
        (l) => l.level === 'error' && l.fields.matchID === bad.matchID && /corrupted state/.test(l.message),
      ),
    ).toBe(true);
    const list = await fetch(`${server.url}/games/secret-test`);
    expect(list.status).toBe(200);
    const s = stateOf(await c.sync(good.matchID, '0', good.creds['0']));
    expect(stateOf(await c.move(good.matchID, '0', good.creds['0']!, s._stateID, 'add', [1])).G.counter).toBe(1);
    c.close();
    await server.stop();
  });
});
