/**
 * A flood's refusals answered before Koa, routing or body parsing run. The limiters stay the source of
 * truth (the create and join quotas in SQLite or Redis survive a restart); each refusal they make is
 * noted here with when it ends, and until then the HTTP server's request listener answers that
 * address's requests of that kind with 429 itself. After a restart the first refusal fills it again.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { clientAddress } from './client-address';
import { ANSWER_HEADERS, compile, isLobbyPath, MAX_DRAIN } from './http';
import type { Route } from './lobby';
import { retryAfterS, tooManyMessage, type RequestLimiter } from './request-limiter';

/** The quotas noted: `api` refuses every lobby request of the address, the others their routes. */
export type QuotaName = 'api' | 'create' | 'join';

/** Addresses known to have spent a quota, each until its window ends. */
export class SpentQuotas {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    /** At most this many entries (a flood from many addresses): beyond it refusals go the slow way. */
    private readonly max = 100_000,
  ) {}

  /** The limiter of `quota` refused `address` for `ms` more. */
  note(quota: QuotaName, address: string, ms: number): void {
    if (this.until.size >= this.max) this.forget();
    if (this.until.size < this.max) this.until.set(`${quota}\n${address}`, this.now() + ms);
  }

  /** Milliseconds left of a noted refusal, or 0. */
  left(quota: QuotaName, address: string): number {
    const key = `${quota}\n${address}`;
    const end = this.until.get(key);
    if (end === undefined) return 0;
    const ms = end - this.now();
    if (ms > 0) return ms;
    this.until.delete(key);
    return 0;
  }

  /** Drops the refusals that have ended (the expiry sweep calls it). */
  forget(): void {
    const now = this.now();
    for (const [key, end] of this.until) if (end <= now) this.until.delete(key);
  }

  get size(): number {
    return this.until.size;
  }
}

/** `limiter`, noting each refusal in `spent` under `quota`. */
export function noting(limiter: RequestLimiter, spent: SpentQuotas, quota: QuotaName): RequestLimiter {
  return {
    take: async (key) => {
      const ms = await limiter.take(key);
      if (ms !== null) spent.note(quota, key, ms);
      return ms;
    },
  };
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export interface EarlyRefusalOptions {
  spent: SpentQuotas;
  /** The per-request brake, spent first as in the lobby middleware, so an early refusal still counts. */
  api: RequestLimiter;
  routes: Route[];
  trustProxy: boolean;
}

// A JSON error needs no page policy: the strictest one, and the other headers every answer carries.
const HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  ...ANSWER_HEADERS,
};

function refuse(req: IncomingMessage, res: ServerResponse, what: string | undefined, ms: number): void {
  const seconds = retryAfterS(ms);
  const body = JSON.stringify({ error: tooManyMessage(what, seconds) });
  // The unread body is drained by Node so the connection stays open, unless it is larger than the lobby ever reads.
  if (Number(req.headers['content-length'] ?? 0) > MAX_DRAIN) res.shouldKeepAlive = false;
  res.writeHead(429, { ...HEADERS, 'Retry-After': String(seconds), 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** A request listener that answers known-spent addresses itself and hands every other request to `next`. */
export function earlyRefusal(opts: EarlyRefusalOptions, next: Listener): Listener {
  const { spent, api, trustProxy } = opts;
  const quotaRoutes = opts.routes.flatMap((r) =>
    r.quota ? [{ method: r.method, quota: r.quota, ...compile(r.path) }] : [],
  );
  return (req, res) => {
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    if (!isLobbyPath(path)) return next(req, res);
    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustProxy);
    const brake = spent.left('api', address);
    if (brake > 0) return refuse(req, res, undefined, brake);
    const route = quotaRoutes.find((r) => r.method === req.method && r.re.test(path));
    const left = route ? spent.left(route.quota, address) : 0;
    if (!route || left === 0) return next(req, res);
    api.take(address).then(
      (ms) => (ms === null ? refuse(req, res, route.quota, left) : refuse(req, res, undefined, ms)),
      () => refuse(req, res, route.quota, left),
    );
  };
}

/** Puts `earlyRefusal` in front of every request listener `server` has (socket.io's included). */
export function installEarlyRefusal(server: Server, opts: EarlyRefusalOptions): void {
  const listeners = server.listeners('request') as Listener[];
  server.removeAllListeners('request');
  server.on(
    'request',
    earlyRefusal(opts, (req, res) => {
      for (const l of listeners) l.call(server, req, res);
    }),
  );
}
