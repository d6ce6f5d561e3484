/**
 * The server against the open internet: lobby quotas and caps, paged listing, expiry, HTTP answers
 * (413, 415, headers, compression), connection limits, ghost connections, a left seat's old socket,
 * chat paging and log injection — each on a real server over real HTTP and sockets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { io } from 'socket.io-client';
import { readSettings } from '../../src/server/settings';
import { consoleLogger, refusalKind } from '../../src/server/log';
import { api, newMatch, RawClient, sleep, sqliteOf, startSecretServer, stateOf, type TestServer } from './helpers';
import type { MatchRooms } from '../../src/server/socket-rooms';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const G = 'secret-test';
const create = (base: string, body: Record<string, unknown> = {}, from?: string) =>
  fetch(`${base}/games/${G}/create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) },
    body: JSON.stringify({ setupData: { target: 5 }, ...body }),
  });

describe('lobby limits', () => {
  it('refuses creates past the per-address quota with 429 and Retry-After; other addresses go on', async () => {
    server = await startSecretServer({
      trustProxy: true,
      lobbyLimits: { create: { points: 3, seconds: 600 }, maxOpenPerCreator: 100 },
    });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await create(server.url, {}, '10.0.0.1')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = await create(server.url, {}, '10.0.0.1');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toMatch(/^create: too many requests from your address/);
    expect((await create(server.url, {}, '10.0.0.2')).status).toBe(200);
    // A forged X-Forwarded-For prefix does not help: the proxy's last entry counts.
    expect((await create(server.url, {}, '1.2.3.4, 10.0.0.1')).status).toBe(429);
  });

  it("keeps an address's spent quota across a restart on the same data directory, and forgets ended windows", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eat-quota-'));
    try {
      const quotas = { create: { points: 2, seconds: 600 }, maxOpenPerCreator: 100 };
      server = await startSecretServer({ trustProxy: true, lobbyLimits: quotas }, dir);
      const first = [];
      for (let i = 0; i < 3; i++) first.push((await create(server.url, {}, '10.0.0.9')).status);
      expect(first).toEqual([200, 200, 429]);
      await server.stop();
      server = await startSecretServer({ trustProxy: true, lobbyLimits: quotas }, dir);
      expect((await create(server.url, {}, '10.0.0.9')).status).toBe(429);
      expect((await create(server.url, {}, '10.0.0.10')).status).toBe(200);
      await server.stop();
      // A one-second window: the sweep deletes its row once it has ended, so the table holds live windows only.
      const lobby = { create: { points: 600, seconds: 1 }, maxOpenPerCreator: 100, sweepEveryS: 1 };
      server = await startSecretServer({ trustProxy: true, lobbyLimits: lobby }, dir);
      const db = sqliteOf(server);
      const row = (key: string) => db.prepare('SELECT count(*) AS n FROM rate_limits WHERE key = ?').pluck().get(key);
      expect((await create(server.url, {}, '10.0.0.11')).status).toBe(200);
      expect(row('create:10.0.0.11')).toBe(1);
      const until = Date.now() + 5000;
      while (row('create:10.0.0.11') !== 0 && Date.now() < until) await sleep(100);
      expect(row('create:10.0.0.11')).toBe(0);
      expect(row('create:10.0.0.9')).toBe(1);
      // The per-request brake stays in memory: no disk write per request.
      expect(row('api:10.0.0.11')).toBe(0);
    } finally {
      await server?.stop();
      server = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('caps unfinished matches per creator (429) and on the server (503), with clear messages', async () => {
    server = await startSecretServer({
      trustProxy: true,
      lobbyLimits: { maxOpenPerCreator: 2, maxOpenMatches: 3 },
    });
    const a = [await create(server.url, {}, 'a'), await create(server.url, {}, 'a'), await create(server.url, {}, 'a')];
    expect(a.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(((await a[2]!.json()) as { error: string }).error).toMatch(/your address already has 2 unfinished matches/);
    expect((await create(server.url, {}, 'b')).status).toBe(200);
    const full = await create(server.url, {}, 'c');
    expect(full.status).toBe(503);
    expect(((await full.json()) as { error: string }).error).toMatch(/maximum of 3 open matches/);
  });

  it('refuses joins past the per-address quota', async () => {
    server = await startSecretServer({ lobbyLimits: { join: { points: 2, seconds: 600 } } });
    const { matchID } = await newMatch(server.url, G, { setupData: { target: 5 }, numPlayers: 4 }, []);
    const join = (p: string) => api(server!.url, `/games/${G}/${matchID}/join`, { playerID: p, playerName: 'x' });
    expect([(await join('0')).status, (await join('1')).status, (await join('2')).status]).toEqual([200, 200, 429]);
  });

  it('pages the lobby list; 500 unlisted matches do not empty it; a bad cursor or limit is a 400', async () => {
    server = await startSecretServer({
      lobbyLimits: { create: { points: 1000, seconds: 60 }, maxOpenPerCreator: 1000, maxOpenMatches: 1000 },
    });
    const listed = (await (await create(server.url)).json()) as { matchID: string };
    const hidden = (await (await create(server.url, { unlisted: true })).json()) as { matchID: string };
    // 499 more unlisted matches, newer than the listed one (copies of the row: HTTP creates are tested above).
    sqliteOf(server)
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 499)
         INSERT INTO matches SELECT m.match_id || '-' || n.i, game_name, state_id, state, initial_state, metadata,
           options, gameover, created_at, updated_at + 1000 + n.i, unlisted, creator, humans FROM matches m, n
         WHERE m.match_id = ?`,
      )
      .run(hidden.matchID);
    expect(sqliteOf(server).prepare('SELECT COUNT(*) AS n FROM matches WHERE unlisted = 1').get()).toEqual({ n: 500 });
    type Page = { matches: { matchID: string }[]; next?: string };
    const first = await api<Page>(server.url, `/games/${G}`);
    expect(first.json.matches.map((m) => m.matchID)).toEqual([listed.matchID]);
    expect(first.json.next).toBeUndefined();
    for (let i = 0; i < 3; i++) await create(server.url);
    const p1 = await api<Page>(server.url, `/games/${G}?limit=2`);
    expect(p1.json.matches).toHaveLength(2);
    const p2 = await api<Page>(server.url, `/games/${G}?limit=2&after=${p1.json.next}`);
    expect(p2.json.matches).toHaveLength(2);
    expect(p2.json.matches.at(-1)!.matchID).toBe(listed.matchID);
    expect(p2.json.next).toBeUndefined();
    const bad = [
      ['?after=nonsense', /list: after: not a cursor from a previous page/],
      ['?limit=0', /list: limit: /],
      ['?limit=1000', /list: limit: /],
      ['?isGameover=maybe', /list: isGameover: /],
    ] as const;
    for (const [query, message] of bad) {
      const r = await api<{ error: string }>(server.url, `/games/${G}${query}`);
      expect([r.status, r.json.error]).toEqual([400, expect.stringMatching(message)]);
    }
  });

  it('deletes matches nobody joined once they expire, and keeps joined ones', async () => {
    server = await startSecretServer({ lobbyLimits: { expireUnjoinedS: 1, sweepEveryS: 1 } });
    const lonely = ((await (await create(server.url)).json()) as { matchID: string }).matchID;
    const joined = await newMatch(server.url, G, { setupData: { target: 5 } }, ['0']);
    const until = Date.now() + 5000;
    while ((await server.storage.has(lonely)) && Date.now() < until) await sleep(100);
    expect(await server.storage.has(lonely)).toBe(false);
    expect(await server.storage.has(joined.matchID)).toBe(true);
    expect(server.logs.lines.some((l) => l.fields.event === 'expire')).toBe(true);
  });
});

describe('HTTP', () => {
  const raw = (
    port: number,
    headers: Record<string, string | number>,
    body: Buffer,
  ): Promise<{ status: number; body: string }> =>
    new Promise((ok, fail) => {
      const req = request({ port, host: '127.0.0.1', method: 'POST', path: `/games/${G}/create`, headers }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => ok({ status: res.statusCode!, body: text }));
      });
      req.on('error', fail);
      req.end(body);
    });

  it('answers an oversize body with 413 (no reset) and a missing or wrong content type with 415', async () => {
    server = await startSecretServer();
    const big = Buffer.from(JSON.stringify({ setupData: { target: 5 }, pad: 'x'.repeat(100_000) }));
    const r413 = await raw(server.port, { 'content-type': 'application/json', 'content-length': big.length }, big);
    expect(r413.status).toBe(413);
    expect(r413.body).toMatch(/request body larger than 16384 bytes/);
    const ok = Buffer.from(JSON.stringify({ setupData: { target: 5 } }));
    const cases = [
      [{ 'content-length': ok.length }, 415],
      [{ 'content-type': 'text/plain', 'content-length': ok.length }, 415],
      [{ 'content-type': 'application/jsonx', 'content-length': ok.length }, 415],
      [{ 'content-type': 'application/json; charset=utf-8', 'content-length': ok.length }, 200],
    ] as const;
    for (const [headers, status] of cases) {
      const r = await raw(server.port, headers, ok);
      expect([r.status, status === 415 ? r.body : '']).toEqual([
        status,
        status === 415 ? expect.stringMatching(/Content-Type: application\/json/) : '',
      ]);
    }
  });

  it('sends security headers and compresses large answers', async () => {
    server = await startSecretServer({ lobbyLimits: { maxOpenPerCreator: 100 } });
    for (let i = 0; i < 20; i++) await create(server.url);
    const res = await fetch(`${server.url}/games/${G}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    const host = new URL(server.url).host;
    expect(csp).toContain(`connect-src 'self' ws://${host} wss://${host}`);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('content-security-policy')).toBe(csp);
  });

  it('listens on the interface it is given', async () => {
    server = await startSecretServer({ host: '127.0.0.1' });
    expect(server.transport.io!.httpServer.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('reads every limit from the environment and names a bad value', () => {
    const s = readSettings({ MAX_SPECTATORS: '3', CREATE_LIMIT: '7', HOST: '0.0.0.0', TRUST_PROXY: '1' });
    expect([s.connections.maxSpectators, s.lobby.create.points, s.host, s.trustProxy]).toEqual([3, 7, '0.0.0.0', true]);
    expect(readSettings({}).host).toBe('127.0.0.1');
    expect(() => readSettings({ MAX_SPECTATORS: 'lots', CREATE_LIMIT: '0', TRUST_PROXY: 'yes' })).toThrow(
      'bad server settings: TRUST_PROXY="yes": 1 or 0; CREATE_LIMIT="0": a whole number ≥ 1; MAX_SPECTATORS="lots": a whole number ≥ 0',
    );
  });
});

describe('connections', () => {
  it('limits spectators per match and sockets per address', async () => {
    server = await startSecretServer({ connectionLimits: { maxSpectators: 2, maxSocketsPerAddress: 4 } });
    const { matchID, creds } = await newMatch(server.url, G, { setupData: { target: 5 } }, ['0']);
    const clients = [0, 1, 2].map(() => new RawClient(server!.url, G));
    for (const c of clients) await c.connected();
    expect((await clients[0]!.sync(matchID, null)).event).toBe('sync');
    expect((await clients[1]!.sync(matchID, null)).event).toBe('sync');
    const third = await clients[2]!.sync(matchID, null);
    expect(third.args[0]).toMatchObject({ code: 'room-full', message: 'this match already has 2 spectators' });
    // A seat is never refused for spectators.
    expect((await clients[2]!.sync(matchID, '0', creds['0'])).event).toBe('sync');
    const fourth = new RawClient(server.url, G);
    await fourth.connected();
    const fifth = new RawClient(server.url, G);
    const refused = await fifth.next((m) => m.event === 'refused');
    expect(refused.args[0]).toMatchObject({ code: 'too-many-connections' });
    for (const c of [...clients, fourth, fifth]) c.close();
  });

  it('filters a move once per view present, not once per socket, and every socket gets its view', async () => {
    server = await startSecretServer();
    const { matchID, creds } = await newMatch(server.url, G, { setupData: { target: 50 } }, ['0', '1']);
    // Seat 0 in two tabs, seat 1, and eight spectators: eleven sockets, three views.
    const watchers = Array.from({ length: 8 }, () => ({ p: null as string | null }));
    const all = [{ p: '0' }, { p: '0' }, { p: '1' }, ...watchers].map((x) => ({
      ...x,
      c: new RawClient(server!.url, G),
    }));
    await Promise.all(all.map((x) => x.c.connected()));
    let sid = 0;
    for (const x of all) sid = stateOf(await x.c.sync(matchID, x.p, x.p === null ? undefined : creds[x.p]))._stateID;
    const deliver = vi.spyOn(server.service, 'deliver');
    const marks = all.map((x) => x.c.received.length);
    await all[0]!.c.move(matchID, '0', creds['0']!, sid, 'add', [1]);
    const updates = await Promise.all(all.map((x, i) => x.c.next((m) => m.event === 'update', 3000, marks[i])));
    expect(deliver.mock.calls.filter(([, payload]) => payload.type === 'update').map(([pid]) => pid)).toEqual([
      '0',
      '1',
      null,
    ]);
    const views = updates.map((u) => JSON.stringify(stateOf(u).G));
    expect(new Set(views.slice(3)).size).toBe(1);
    expect(new Set(views).size).toBe(3);
    deliver.mockRestore();
    for (const x of all) x.c.close();
  });

  it('does not register a socket that closed during its sync (no ghost seat)', async () => {
    server = await startSecretServer();
    const { matchID, creds } = await newMatch(server.url, G, { setupData: { target: 5 } }, ['0', '1']);
    for (let i = 0; i < 20; i++) {
      const s = io(`${server.url}/${G}`, { transports: ['websocket'], forceNew: true, reconnection: false });
      await new Promise((ok) => s.once('connect', () => ok(undefined)));
      s.emit('sync', matchID, '1', creds['1'], 2);
      s.disconnect();
    }
    await sleep(300);
    const { metadata } = await server.storage.fetch(matchID, { metadata: true });
    expect(metadata!.players[1]!.isConnected).not.toBe(true);
    const rooms = (server.transport as unknown as { rooms: MatchRooms }).rooms;
    expect(rooms.connections(matchID)).toEqual([]);
  });

  it('takes a left seat away from its old socket: no private view, no chat', async () => {
    server = await startSecretServer();
    const { matchID, creds } = await newMatch(server.url, G, { setupData: { target: 50 } }, ['0', '1']);
    const old = new RawClient(server.url, G);
    await old.connected();
    await old.sync(matchID, '1', creds['1']);
    const before = old.received.length;
    expect(
      (await api(server.url, `/games/${G}/${matchID}/leave`, { playerID: '1', credentials: creds['1'] })).status,
    ).toBe(200);
    const notice = await old.next((m) => m.event === 'refused', 3000, before);
    expect(notice.args[0]).toMatchObject({ code: 'seat-released' });
    const resync = await old.next((m) => m.event === 'sync', 3000, before);
    expect(JSON.stringify(stateOf(resync).G)).not.toMatch(/"hand"/);
    const mark = old.emit('chat', matchID, { id: 'x', sender: '1', payload: 'still here?' }, creds['1']);
    expect((await old.next((m) => m.event === 'refused', 3000, mark)).args[0]).toMatchObject({ code: 'not-seated' });
    // A move by seat 0 reaches the old socket only as the spectator's view.
    const a = new RawClient(server.url, G);
    await a.connected();
    const sid = stateOf(await a.sync(matchID, '0', creds['0']))._stateID;
    const m2 = old.received.length;
    await a.move(matchID, '0', creds['0']!, sid, 'add', [1]);
    const upd = await old.next((m) => m.event === 'update', 3000, m2);
    expect(stateOf(upd).G).toEqual(stateOf(await a.sync(matchID, null)).G);
    expect(await server.storage.recentChat(matchID)).toEqual([]);
    old.close();
    a.close();
  });

  it('keeps a capped chat history and pages older messages to seats only', async () => {
    server = await startSecretServer({
      limits: { burst: 1000, perSecond: 1000 },
      connectionLimits: { chatHistory: 60, chatOnSync: 5 },
    });
    const { matchID, creds } = await newMatch(server.url, G, { setupData: { target: 50 } }, ['0', '1']);
    const a = new RawClient(server.url, G);
    await a.connected();
    await a.sync(matchID, '0', creds['0']);
    for (let i = 0; i < 80; i++) a.emit('chat', matchID, { id: `m${i}`, sender: '0', payload: i }, creds['0']);
    await a.next((m) => m.event === 'chat' && (m.args[1] as { id: string }).id === 'm79');
    expect(await server.storage.recentChat(matchID, 1000)).toHaveLength(60);
    const b = new RawClient(server.url, G);
    await b.connected();
    const mark = b.received.length;
    await b.sync(matchID, '1', creds['1']);
    await sleep(100);
    expect(b.received.slice(mark).filter((m) => m.event === 'chat')).toHaveLength(5);
    const page = async (before?: number) => {
      const at = b.emit('chatPage', matchID, before);
      return (await b.next((m) => m.event === 'chatPage' || m.event === 'refused', 3000, at)).args[1] as {
        messages: { seq: number }[];
        more: boolean;
      };
    };
    const newest = await page();
    expect([newest.messages.length, newest.messages.at(-1)!.seq, newest.more]).toEqual([50, 79, true]);
    const older = await page(newest.messages[0]!.seq);
    expect([older.messages.length, older.messages[0]!.seq, older.more]).toEqual([10, 20, false]);
    const spectator = new RawClient(server.url, G);
    await spectator.connected();
    await spectator.sync(matchID, null);
    const at = spectator.emit('chatPage', matchID);
    expect((await spectator.next((m) => m.event === 'refused', 3000, at)).args[0]).toMatchObject({
      code: 'not-seated',
    });
    const bad = b.emit('chatPage', matchID, 'yesterday');
    expect((await b.next((m) => m.event === 'refused', 3000, bad)).args[0]).toMatchObject({ code: 'malformed' });
    for (const c of [a, b, spectator]) c.close();
  });
});

describe('logs', () => {
  it('writes one JSON line per event: a client string with a newline and fake JSON stays inside its field', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const forged = 'x\n{"level":"error","msg":"forged"}';
    consoleLogger().warn('refused an unknown event', { event: 'refused', name: forged });
    const written = stderr.mock.calls.map((c) => String(c[0])).join('');
    stderr.mockRestore();
    expect(written.endsWith('\n') && written.indexOf('\n') === written.length - 1).toBe(true);
    expect(JSON.parse(written)).toMatchObject({ level: 'warn', msg: 'refused an unknown event', name: forged });
  });

  it("never writes an invalid move's raw arguments anywhere (log injection)", async () => {
    server = await startSecretServer();
    const { matchID, creds } = await newMatch(server.url, G, { setupData: { target: 50 } }, ['0', '1']);
    const a = new RawClient(server.url, G);
    await a.connected();
    const sid = stateOf(await a.sync(matchID, '0', creds['0']))._stateID;
    const stderr = vi.spyOn(process.stderr, 'write');
    const stdout = vi.spyOn(process.stdout, 'write');
    const evil = '7\n{"level":"error","msg":"forged"}';
    const r = await a.move(matchID, '0', creds['0']!, sid, 'add', [evil]);
    expect(r.args[0]).toMatchObject({ code: 'invalid-move' });
    const written = [...stderr.mock.calls, ...stdout.mock.calls].map((c) => String(c[0])).join('\n');
    stderr.mockRestore();
    stdout.mockRestore();
    expect(written).not.toMatch(/forged/);
    const line = server.logs.lines.find((l) => l.fields.event === 'bgio')!;
    expect(line.fields.reason).toBe('invalid move');
    expect(JSON.stringify(server.logs.lines)).not.toMatch(/forged/);
    a.close();
  });

  it.each([
    ['invalid move: add args: 7\nforged', 'invalid move'],
    ['disallowed move: __proto__', 'disallowed move'],
    ['player not active - playerID=[1]', 'player not active'],
    ['{"level":"error"}', 'other'],
  ])('reduces %j to its kind', (text, kind) => {
    expect(refusalKind(text)).toBe(kind);
  });
});
