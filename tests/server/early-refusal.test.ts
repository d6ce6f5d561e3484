/**
 * Refusals before Koa (src/server/early-refusal.ts): the noted quotas and their expiry, the request
 * listener on a bare HTTP server (nothing behind it runs for a known-spent address), and the real
 * server: a spent address's creates, joins and lobby requests answered 429 with Retry-After before any
 * route, on a kept-alive connection, by the same address rules as the limiters.
 */
import { createServer, request, Agent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { earlyRefusal, noting, SpentQuotas } from '../../src/server/early-refusal';
import type { Route } from '../../src/server/lobby';
import { memoryLimiter, type RequestLimiter } from '../../src/server/request-limiter';
import { api, newMatch, sleep, startSecretServer, type TestServer } from './helpers';

const G = 'secret-test';
let server: TestServer | undefined;
let bare: Server | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
  await new Promise((ok) => (bare ? bare.close(ok) : ok(undefined)));
  bare = undefined;
});

describe('SpentQuotas', () => {
  it('knows a refusal until its window ends, per quota and address, and forgets ended ones', () => {
    let now = 1000;
    const spent = new SpentQuotas(() => now);
    spent.note('create', 'a', 1500);
    expect([spent.left('create', 'a'), spent.left('join', 'a'), spent.left('create', 'b')]).toEqual([1500, 0, 0]);
    now = 2499;
    expect(spent.left('create', 'a')).toBe(1);
    now = 2500;
    expect(spent.left('create', 'a')).toBe(0);
    expect(spent.size).toBe(0);
    spent.note('api', 'b', 10);
    spent.note('api', 'c', 100);
    now += 50;
    spent.forget();
    expect(spent.size).toBe(1);
  });

  it('stays bounded: past its size it drops ended entries, then lets further refusals go the slow way', () => {
    let now = 0;
    const spent = new SpentQuotas(() => now, 2);
    spent.note('create', 'a', 10);
    spent.note('create', 'b', 100);
    spent.note('create', 'c', 100);
    expect([spent.size, spent.left('create', 'c')]).toEqual([2, 0]);
    now = 20;
    spent.note('create', 'c', 100);
    expect([spent.size, spent.left('create', 'c')]).toEqual([2, 100]);
  });

  it('is filled by a limiter that refuses', async () => {
    const spent = new SpentQuotas();
    const limiter = noting(memoryLimiter('t', { points: 1, seconds: 60 }), spent, 'join');
    expect(await limiter.take('a')).toBeNull();
    expect(spent.left('join', 'a')).toBe(0);
    const ms = await limiter.take('a');
    expect(ms).toBeGreaterThan(59_000);
    expect(spent.left('join', 'a')).toBeGreaterThan(59_000);
  });
});

describe('earlyRefusal on a bare HTTP server', () => {
  const routes: Route[] = [{ method: 'POST', path: `/games/${G}/create`, quota: 'create', handler: () => undefined }];
  async function listen(spent: SpentQuotas, apiLimiter: RequestLimiter, trustProxy: boolean) {
    const passed: string[] = [];
    bare = createServer(
      earlyRefusal({ spent, api: apiLimiter, routes, trustProxy }, (req, res) => {
        passed.push(`${req.method} ${req.url}`);
        res.end('next');
      }),
    );
    await new Promise<void>((ok) => bare!.listen(0, '127.0.0.1', ok));
    return { url: `http://127.0.0.1:${(bare.address() as AddressInfo).port}`, passed };
  }
  const post = (url: string, from?: string, type = 'application/json') =>
    fetch(url, { method: 'POST', headers: { 'content-type': type, ...(from ? { 'x-forwarded-for': from } : {}) } });

  it('answers a spent address 429 with Retry-After and never calls what is behind it', async () => {
    const spent = new SpentQuotas();
    const { url, passed } = await listen(spent, memoryLimiter('api', { points: 100, seconds: 60 }), false);
    expect((await post(`${url}/games/${G}/create`)).status).toBe(200);
    spent.note('create', '127.0.0.1', 4200);
    // No Content-Type check, no body: the route would have answered 415.
    const r = await post(`${url}/games/${G}/create?x=1`, undefined, 'text/plain');
    expect([r.status, r.headers.get('retry-after'), r.headers.get('cache-control')]).toEqual([429, '5', 'no-store']);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await r.json()).toEqual({ error: 'create: too many requests from your address; retry in 5 s' });
    // Other routes and other pages of a create-spent address go on.
    expect((await fetch(`${url}/games/${G}`)).status).toBe(200);
    expect((await post(`${url}/games/${G}/abc/join`)).status).toBe(200);
    spent.note('api', '127.0.0.1', 900);
    const braked = await fetch(`${url}/games`);
    expect([braked.status, braked.headers.get('retry-after')]).toEqual([429, '1']);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(passed).toEqual([`POST /games/${G}/create`, `GET /games/${G}`, `POST /games/${G}/abc/join`, 'GET /healthz']);
  });

  it('counts an early refusal against the per-request brake, as the lobby middleware would', async () => {
    const spent = new SpentQuotas();
    const brake = noting(memoryLimiter('api', { points: 2, seconds: 60 }), spent, 'api');
    const { url } = await listen(spent, brake, false);
    spent.note('create', '127.0.0.1', 600_000);
    const first = await post(`${url}/games/${G}/create`);
    expect([first.status, ((await first.json()) as { error: string }).error]).toEqual([
      429,
      expect.stringMatching(/^create: /),
    ]);
    await post(`${url}/games/${G}/create`);
    const third = await post(`${url}/games/${G}/create`);
    // The brake is spent now: its own message and window (60 s), and every lobby request is refused.
    expect([third.status, third.headers.get('retry-after')]).toEqual([429, '60']);
    expect(((await third.json()) as { error: string }).error).toMatch(/^too many requests/);
    expect(spent.left('api', '127.0.0.1')).toBeGreaterThan(59_000);
  });

  it('reads X-Forwarded-For only behind a trusted proxy, and then its last entry', async () => {
    const spent = new SpentQuotas();
    spent.note('create', '10.0.0.1', 60_000);
    const brake = memoryLimiter('api', { points: 100, seconds: 60 });
    const direct = await listen(spent, brake, false);
    expect((await post(`${direct.url}/games/${G}/create`, '10.0.0.1')).status).toBe(200);
    await new Promise((ok) => bare!.close(ok));
    const proxied = await listen(spent, brake, true);
    expect((await post(`${proxied.url}/games/${G}/create`, '10.0.0.1')).status).toBe(429);
    expect((await post(`${proxied.url}/games/${G}/create`, '10.0.0.1, 10.0.0.2')).status).toBe(200);
    expect((await post(`${proxied.url}/games/${G}/create`, '10.0.0.2, 10.0.0.1')).status).toBe(429);
  });
});

describe('early refusals on the server', () => {
  const create = (from: string, type = 'application/json') =>
    fetch(`${server!.url}/games/${G}/create`, {
      method: 'POST',
      headers: { 'content-type': type, 'x-forwarded-for': from },
      body: JSON.stringify({ setupData: { target: 5 } }),
    });

  it('refuses a spent address before any route runs, until the window ends', async () => {
    server = await startSecretServer({
      trustProxy: true,
      lobbyLimits: { create: { points: 2, seconds: 1 }, maxOpenPerCreator: 100 },
    });
    expect([(await create('10.0.0.1')).status, (await create('10.0.0.1')).status]).toEqual([200, 200]);
    const refused = await create('10.0.0.1');
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '1']);
    // The route would answer a wrong content type 415; the early answer comes first.
    expect((await create('10.0.0.1', 'text/plain')).status).toBe(429);
    expect((await create('10.0.0.2')).status).toBe(200);
    await sleep(1100);
    expect((await create('10.0.0.1', 'text/plain')).status).toBe(415);
    expect((await create('10.0.0.1')).status).toBe(200);
  });

  it('without a trusted proxy counts the peer: a forwarded address does not escape a spent join quota', async () => {
    server = await startSecretServer({ lobbyLimits: { join: { points: 1, seconds: 600 } } });
    const { matchID } = await newMatch(server.url, G, { setupData: { target: 5 }, numPlayers: 4 }, []);
    const join = (p: string, from: string) =>
      fetch(`${server!.url}/games/${G}/${matchID}/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
        body: JSON.stringify({ playerID: p, playerName: 'x' }),
      });
    expect([(await join('0', '10.0.0.1')).status, (await join('1', '10.0.0.1')).status]).toEqual([200, 429]);
    const again = await join('2', '10.0.0.2');
    expect([again.status, ((await again.json()) as { error: string }).error]).toEqual([
      429,
      expect.stringMatching(/^join: too many requests/),
    ]);
    expect((await api(server.url, `/games/${G}/${matchID}`)).status).toBe(200);
  });

  it('answers on a kept-alive connection, body unread', async () => {
    server = await startSecretServer({ trustProxy: true, lobbyLimits: { create: { points: 1, seconds: 600 } } });
    expect((await create('10.0.0.3')).status).toBe(200);
    expect((await create('10.0.0.3')).status).toBe(429);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = () =>
      new Promise<{ status: number; reused: boolean }>((ok, fail) => {
        const req = request(`${server!.url}/games/${G}/create`, {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.0.3' },
        });
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => ok({ status: res.statusCode!, reused: req.reusedSocket }));
        });
        req.on('error', fail);
        req.end(JSON.stringify({ setupData: { target: 5 }, pad: 'x'.repeat(8000) }));
      });
    expect(await send()).toEqual({ status: 429, reused: false });
    expect(await send()).toEqual({ status: 429, reused: true });
    agent.destroy();
  });
});
