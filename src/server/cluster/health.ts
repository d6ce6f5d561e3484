/**
 * `GET /healthz` (the process answers: restart it if not) and `GET /readyz` (send it players: its
 * storage and Redis answer and it is not draining) for a load balancer or orchestrator. Both are
 * answered before the lobby's rate limit, so probes never spend a client's quota.
 */
import type { Middleware } from '../http';

/** Each named dependency's check: resolves when it answers. */
export type ReadinessChecks = Record<string, () => Promise<unknown> | unknown>;

const CHECK_MS = 2_000;

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((ok, fail) => {
    const t = setTimeout(() => fail(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), ok(v)),
      (e: unknown) => (clearTimeout(t), fail(e)),
    );
  });
}

export function healthRoutes(checks: ReadinessChecks, draining: () => boolean): Middleware {
  return async (ctx, next) => {
    if (ctx.method !== 'GET' || (ctx.path !== '/healthz' && ctx.path !== '/readyz')) return next();
    ctx.set('Cache-Control', 'no-store');
    if (ctx.path === '/healthz') {
      ctx.body = { status: 'up' };
      return;
    }
    if (draining()) {
      ctx.status = 503;
      ctx.body = { status: 'draining' };
      return;
    }
    const problems: Record<string, string> = {};
    await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await within(Promise.resolve().then(check), CHECK_MS);
        } catch (err) {
          problems[name] = err instanceof Error ? err.message : String(err);
        }
      }),
    );
    const ready = Object.keys(problems).length === 0;
    ctx.status = ready ? 200 : 503;
    ctx.body = ready ? { status: 'ready' } : { status: 'unready', problems };
  };
}
