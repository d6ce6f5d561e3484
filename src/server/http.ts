/**
 * Koa middleware: security headers on every answer, the lobby routes (own matcher, a per-address
 * request quota, JSON bodies only and capped at 16 kB, errors as `{ error }` with a status, never a
 * stack) and the built client's static files.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { clientAddress } from './client-address';
import { HttpError, spend, type Route, type RouteContext } from './lobby';
import type { Logger } from './log';
import type { RequestLimiter } from './request-limiter';

interface KoaCtx {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  req: IncomingMessage;
  status: number;
  body: unknown;
  type: string;
  set(field: string, value: string): void;
  get(field: string): string;
}
type Next = () => Promise<unknown>;
export type Middleware = (ctx: KoaCtx, next: Next) => Promise<unknown>;

export const MAX_BODY = 16 * 1024;
/** An oversize body is read and dropped up to this size so the client hears the 413; beyond it the connection is cut. */
export const MAX_DRAIN = 1024 * 1024;

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => new HttpError(413, `request body larger than ${MAX_BODY} bytes`);
    if (Number(req.headers['content-length'] ?? 0) > MAX_DRAIN) {
      req.destroy();
      return fail(tooLarge());
    }
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_DRAIN) req.destroy();
      else if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY) return fail(tooLarge());
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return ok(undefined);
      try {
        ok(JSON.parse(text));
      } catch {
        fail(new HttpError(400, 'request body is not valid JSON'));
      }
    });
    req.on('error', fail);
  });
}

/** A route path's matcher: `:name` segments are 1-64 URL-safe characters, a trailing slash is allowed. */
export function compile(path: string): { re: RegExp; keys: string[] } {
  const keys: string[] = [];
  const re = new RegExp(
    '^' +
      path
        .split('/')
        .map((part) => {
          if (part.startsWith(':')) {
            keys.push(part.slice(1));
            return '([A-Za-z0-9_-]{1,64})';
          }
          return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('/') +
      '/?$',
  );
  return { re, keys };
}

export interface ApiOptions {
  logger: Logger;
  /** Quota of lobby requests per client address. */
  limiter: RequestLimiter;
  trustProxy: boolean;
}

/** Whether a request path is the lobby API's (`/games` and below). */
export const isLobbyPath = (path: string): boolean => path === '/games' || path.startsWith('/games/');

/** Answers every request under `/games` itself (boardgame.io's stock routes never run). */
export function apiMiddleware(routes: Route[], gameNames: string[], opts: ApiOptions): Middleware {
  const compiled = routes.map((r) => ({ ...r, ...compile(r.path) }));
  const { logger } = opts;
  return async (ctx, next) => {
    if (!isLobbyPath(ctx.path)) return next();
    ctx.set('Cache-Control', 'no-store');
    try {
      const address = clientAddress(ctx.req.socket.remoteAddress, ctx.req.headers['x-forwarded-for'], opts.trustProxy);
      await spend(opts.limiter, address);
      if (ctx.method === 'GET' && (ctx.path === '/games' || ctx.path === '/games/')) {
        ctx.body = gameNames;
        return;
      }
      for (const r of compiled) {
        if (r.method !== ctx.method) continue;
        const m = r.re.exec(ctx.path);
        if (!m) continue;
        const params = Object.fromEntries(r.keys.map((k, i) => [k, m[i + 1]!]));
        if (ctx.method === 'POST' && !/^application\/json\s*(;|$)/i.test(ctx.get('Content-Type'))) {
          throw new HttpError(415, 'send the body as JSON with the header Content-Type: application/json');
        }
        const body = ctx.method === 'POST' ? await readJson(ctx.req) : undefined;
        const rc: RouteContext = { params, query: ctx.query, body, address, status: 200, response: {} };
        await r.handler(rc);
        ctx.status = rc.status;
        ctx.body = rc.response;
        return;
      }
      throw new HttpError(404, `no route ${ctx.method} ${ctx.path}`);
    } catch (err) {
      if (err instanceof HttpError) {
        ctx.status = err.status;
        if (err.retryAfter !== undefined) ctx.set('Retry-After', String(err.retryAfter));
        ctx.body = { error: err.message };
      } else {
        logger.error('lobby route failed', { event: 'http', path: ctx.path.slice(0, 120), err });
        ctx.status = 500;
        ctx.body = { error: 'internal error (logged)' };
      }
    }
  };
}

/**
 * The Content-Security-Policy of every page: only this origin's scripts (the built client has no
 * inline script), its socket (named with the request's host: not every browser lets 'self' cover
 * ws:), and data:/blob: images and workers, which Phaser's WebGL renderer
 * uses for its built-in textures; no framing by other sites.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws://HOST wss://HOST",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Security headers on every HTTP answer (the socket's upgrade is not HTTP content). */
/** The headers every answer carries, pages and JSON alike (the early refusals' too: early-refusal.ts). */
export const ANSWER_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

export function securityHeaders(): Middleware {
  return async (ctx, next) => {
    const host = /^[A-Za-z0-9.:[\]-]{1,260}$/.test(ctx.get('Host')) ? ctx.get('Host') : 'localhost';
    ctx.set('Content-Security-Policy', CONTENT_SECURITY_POLICY.replaceAll('HOST', host));
    for (const [k, v] of Object.entries(ANSWER_HEADERS)) ctx.set(k, v);
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    return next();
  };
}

const PLACEHOLDER = `<!doctype html><meta charset="utf-8"><title>East Asia Tomorrow — server</title>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>East Asia Tomorrow</h1><p>The game server is running, but the browser client has not been built
(<code>dist/client</code> is missing). Run <code>npx vite build</code> or <code>npm start</code>.</p>
<p>Lobby API: <a href="games">/games</a></p></body>`;

/** Serves the built client from `dir`; unknown paths without an extension get index.html (client-side routes). */
export function staticMiddleware(dir: string, logger: Logger): Middleware {
  const root = resolve(dir);
  const hasClient = existsSync(join(root, 'index.html'));
  if (!hasClient)
    logger.warn(`no built client in ${root}: serving a placeholder page (run \`npx vite build\`)`, { event: 'static' });
  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (!hasClient) {
      if (ctx.path === '/' || ctx.path === '/index.html') {
        ctx.type = 'html';
        ctx.body = PLACEHOLDER;
        return;
      }
      return next();
    }
    let rel: string;
    try {
      rel = decodeURIComponent(ctx.path);
    } catch {
      return next();
    }
    if (rel.includes('\0')) return next();
    let file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return next();
    let st = existsSync(file) ? statSync(file) : undefined;
    if (st?.isDirectory()) {
      file = join(file, 'index.html');
      st = existsSync(file) ? statSync(file) : undefined;
    }
    if (!st || !st.isFile()) {
      if (extname(rel) !== '') return next();
      file = join(root, 'index.html');
      st = statSync(file);
    }
    ctx.type = extname(file) || 'html';
    ctx.set('Content-Length', String(st.size));
    // Vite's hashed assets never change; index.html must be revalidated.
    ctx.set('Cache-Control', file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (ctx.method === 'HEAD') ctx.status = 200;
    else ctx.body = createReadStream(file);
  };
}
