/**
 * Koa middleware for the lobby routes (own matcher, JSON bodies capped at 16 kB, errors as
 * `{ error }` with a status, never a stack) and for the built client's static files.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { HttpError, type Route, type RouteContext } from './lobby';
import type { Logger } from './log';

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

const MAX_BODY = 16 * 1024;

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        fail(new HttpError(413, `request body larger than ${MAX_BODY} bytes`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
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

function compile(path: string): { re: RegExp; keys: string[] } {
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

/** Answers every request under `/games` itself (boardgame.io's stock routes never run). */
export function apiMiddleware(routes: Route[], gameNames: string[], logger: Logger): Middleware {
  const compiled = routes.map((r) => ({ ...r, ...compile(r.path) }));
  return async (ctx, next) => {
    if (ctx.path !== '/games' && !ctx.path.startsWith('/games/')) return next();
    ctx.set('Cache-Control', 'no-store');
    try {
      if (ctx.method === 'GET' && (ctx.path === '/games' || ctx.path === '/games/')) {
        ctx.body = gameNames;
        return;
      }
      for (const r of compiled) {
        if (r.method !== ctx.method) continue;
        const m = r.re.exec(ctx.path);
        if (!m) continue;
        const params = Object.fromEntries(r.keys.map((k, i) => [k, m[i + 1]!]));
        if (ctx.method === 'POST' && !/^application\/json\b/i.test(ctx.get('Content-Type') || 'application/json')) {
          throw new HttpError(415, 'send the body as application/json');
        }
        const body = ctx.method === 'POST' ? await readJson(ctx.req) : undefined;
        const rc: RouteContext = { params, query: ctx.query, body, status: 200, response: {} };
        await r.handler(rc);
        ctx.status = rc.status;
        ctx.body = rc.response;
        return;
      }
      throw new HttpError(404, `no route ${ctx.method} ${ctx.path}`);
    } catch (err) {
      if (err instanceof HttpError) {
        ctx.status = err.status;
        ctx.body = { error: err.message };
      } else {
        logger.error('lobby route failed', { event: 'http', path: ctx.path, err });
        ctx.status = 500;
        ctx.body = { error: 'internal error (logged)' };
      }
    }
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
