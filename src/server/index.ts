/**
 * `createServer`: one Node process, one port — the built client, the lobby API and boardgame.io's
 * socket transport — with storage on embedded SQLite or PostgreSQL (storage/), the hardening of hardening.ts and the limits of
 * settings.ts (docs/DEPLOY.md). Generic over the Game.
 */
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Server } from 'boardgame.io/server';
import { ProcessGameConfig } from 'boardgame.io/internal';
import type { Game } from 'boardgame.io';
import { authenticateCredentials, installProcessGuards, newSecret, type GateRules, type Limits } from './hardening';
import compress from 'koa-compress';
import { installEarlyRefusal, noting, SpentQuotas } from './early-refusal';
import { apiMiddleware, securityHeaders, staticMiddleware, type Middleware } from './http';
import { lobbyRoutes, type LobbySpec } from './lobby';
import { consoleLogger, routeBoardgameLogs, type Logger } from './log';
import { memoryLimiter, sqliteLimiters } from './request-limiter';
import type { Cluster } from './cluster';
import { healthRoutes } from './cluster/health';
import { defaultSettings, type ConnectionLimits, type LobbyLimits } from './settings';
import type { MatchService, MatchServiceOptions } from './match-service';
import { openStorage, SqliteStorage, type MatchStore } from './storage';
import { HardenedSocketIO } from './transport';
import { BotSeats, type BotPlayer } from './bots';
import { Clocks, type ClockSpec } from './clock';
import type { ExportInput } from './lobby';

export interface CreateServerOptions {
  game: Game;
  lobby: LobbySpec<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each game's setup type
  /** Game-specific parsing of move arguments before the rules see them: returns a problem or null. */
  checkArgs?: GateRules['checkArgs'];
  /** The game's gate for boardgame.io's action log (see MatchServiceOptions). */
  viewLog?: MatchServiceOptions['viewLog'];
  /** The game's moves that may reopen a finished match (see MatchServiceOptions). */
  reopens?: MatchServiceOptions['reopens'];
  /** Plays bot seats server-side; without it, bot seats are refused at creation. */
  bot?: BotPlayer;
  /** Who is to act and what a timed-out seat plays; without it, clocks are refused at creation. */
  clock?: ClockSpec;
  /** Length of a clock second in ms (tests shorten it). */
  clockSecondMs?: number;
  /** The clocks' wall clock (tests use a coarse one); default Date.now. */
  clockNow?: () => number;
  /** Builds a match's saved-game file for GET /games/:name/:id/replay. */
  exportMatch?: (match: ExportInput) => unknown;
  mayExportEarly?: (match: ExportInput, playerID: string) => boolean;
  /** Port to listen on; 0 picks a free one. Default `PORT` or 8000. */
  port?: number;
  /** Interface to listen on; default every interface (main.ts passes HOST, default 127.0.0.1). */
  host?: string;
  /** Count clients by the last X-Forwarded-For entry (only behind a reverse proxy). */
  trustProxy?: boolean;
  /** Lobby limits (settings.ts); unset ones keep their defaults. */
  lobbyLimits?: Partial<LobbyLimits>;
  /** Connection limits (settings.ts); unset ones keep their defaults. */
  connectionLimits?: Partial<ConnectionLimits>;
  /** Data directory for SQLite. Default `DATA_DIR` or ./data. */
  dataDir?: string;
  /** PostgreSQL instead of SQLite: `postgres://…`. Default `DATABASE_URL`. */
  databaseUrl?: string;
  storage?: MatchStore;
  /** The built client. Default ./dist/client. */
  clientDir?: string;
  logger?: Logger;
  limits?: Partial<Limits>;
  /** Log and survive unhandled rejections/exceptions (main.ts sets it; tests leave the runner's own handlers). */
  processGuards?: boolean;
  /** One instance of many (REDIS_URL): fan-out, match owners and rate limits through Redis (cluster/). */
  cluster?: Cluster;
}

export interface RunningServer {
  port: number;
  url: string;
  storage: MatchStore;
  transport: HardenedSocketIO;
  service: MatchService;
  bots: BotSeats | undefined;
  clocks: Clocks | undefined;
  /**
   * Graceful shutdown: /readyz turns 503, clocks and bots stop (their leases go to other instances),
   * sockets are closed so clients reconnect (through a load balancer, elsewhere), queued moves finish
   * and are committed, then the port and the storage close.
   */
  close(): Promise<void>;
}

export async function createServer(opts: CreateServerOptions): Promise<RunningServer> {
  const logger = opts.logger ?? consoleLogger();
  if (opts.processGuards) installProcessGuards(logger);
  const lobbyLimits: LobbyLimits = { ...defaultSettings().lobby, ...opts.lobbyLimits };
  // Undo is never accepted from clients, and its stack would copy every earlier state into each stored one.
  const game = ProcessGameConfig({ ...opts.game, disableUndo: true });
  const name = game.name!;
  const storage =
    opts.storage ?? openStorage({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir, logger, lock: true });
  await storage.connect();
  let bots: BotSeats | undefined;
  let clocks: Clocks | undefined;
  let draining = false;
  const cluster = opts.cluster;
  // Create and join quotas (windows of minutes, guarding stored matches and seats) outlive a restart: in Redis
  // in a cluster, else in the SQLite file. One server's per-request brake (a one-minute window) stays in memory,
  // sparing a disk write per request.
  const quotas = !cluster && storage instanceof SqliteStorage ? sqliteLimiters(storage.db) : undefined;
  // Every refusal is noted so a spent address's next requests are refused before Koa (early-refusal.ts).
  const spent = new SpentQuotas();
  const quotaLimiter = cluster?.limiters ?? quotas?.limiters ?? memoryLimiter;
  const lobbyLimiter = (q: 'create' | 'join') => noting(quotaLimiter(q, lobbyLimits[q]), spent, q);
  const apiLimiter = noting((cluster?.limiters ?? memoryLimiter)('api', lobbyLimits.api), spent, 'api');
  const transport = new HardenedSocketIO({
    logger,
    limits: opts.limits,
    checkArgs: opts.checkArgs ? { [name]: opts.checkArgs } : {},
    viewLog: { [name]: opts.viewLog },
    reopens: { [name]: opts.reopens },
    onCommit: (_g, event) => {
      if (event.state.ctx.gameover !== undefined)
        cluster?.owners.finish([event.matchID]).catch((err: unknown) => logger.error('lease cleanup failed', { err }));
      // A reopened match needs an owner again for its clock and bots.
      if (event.reopened)
        cluster?.owners
          .adopt([event.matchID])
          .then(() => cluster.owners.handOver(event.matchID))
          .catch((err: unknown) => logger.error('lease adoption failed', { err }));
      void clocks?.update(event.matchID, event.state, event.byPerson);
      bots?.onCommit(event);
    },
    // A player who comes back takes the seat back from a stand-in bot.
    onSeatSynced: (_g, matchID, playerID) => {
      if (playerID === null || !bots) return;
      // The clock gives a timed-out seat back with its time; a stand-in the creator called is released after.
      Promise.resolve(clocks?.seatBack(matchID, playerID))
        .then(() => bots!.setStandIn(matchID, playerID, null))
        .catch((err: unknown) => logger.error('stand-in release failed', { matchID, playerID, err }));
    },
    connections: opts.connectionLimits,
    host: opts.host,
    trustProxy: opts.trustProxy,
    relay: cluster?.relay,
    presence: cluster?.presence,
  });
  const unrouteLogs = routeBoardgameLogs(logger);
  const server = Server({
    games: [game],
    db: storage,
    transport,
    origins: [],
    authenticateCredentials,
    generateCredentials: () => newSecret(),
  });
  const service = transport.services.get(name)!;
  const owner = cluster?.owners;
  if (opts.bot) bots = new BotSeats({ service, storage, logger, player: opts.bot, owner });
  if (opts.clock) {
    clocks = new Clocks({
      service,
      storage,
      bots,
      logger,
      spec: opts.clock,
      secondMs: opts.clockSecondMs,
      now: opts.clockNow,
      owner,
      emit: (matchID, clock) => transport.emitToMatch(matchID, 'clock', matchID, clock),
    });
  }
  const routes = lobbyRoutes({
    game,
    spec: opts.lobby,
    storage,
    logger,
    limits: lobbyLimits,
    limiters: { create: lobbyLimiter('create'), join: lobbyLimiter('join') },
    onSeatsChanged: (matchID) => {
      service.announceMetadata(matchID).catch((err: unknown) => logger.error('announce failed', { matchID, err }));
      // The clock waits for every person's seat to be taken.
      void clocks?.update(matchID);
      bots?.poke(matchID);
    },
    onSeatReleased: (matchID, playerID) => transport.releaseSeat(name, matchID, playerID),
    onCreated: (matchID) => {
      void clocks?.update(matchID);
      bots?.poke(matchID);
    },
    botsAllowed: opts.bot !== undefined,
    bots,
    clocks,
    exportMatch: opts.exportMatch,
    mayExportEarly: opts.mayExportEarly,
  });
  const app = server.app as unknown as { use(mw: Middleware): void; on(ev: string, fn: (err: unknown) => void): void };
  app.use(securityHeaders());
  app.use(
    healthRoutes(
      {
        storage: () => storage.fetch('readyz', { metadata: true }),
        ...(cluster ? { redis: () => cluster.ping() } : {}),
      },
      () => draining,
    ),
  );
  app.use(compress({ threshold: 1024 }) as unknown as Middleware);
  app.use(
    apiMiddleware(routes, [name], {
      logger,
      limiter: apiLimiter,
      trustProxy: opts.trustProxy ?? false,
    }),
  );
  app.use(staticMiddleware(resolve(opts.clientDir ?? 'dist/client'), logger));
  app.on('error', (err) => logger.warn('http error', { event: 'http-error', err }));
  const port = opts.port ?? Number(process.env.PORT ?? 8000);
  const { appServer } = await server.run({ port, callback: () => undefined });
  const actual = (appServer.address() as AddressInfo).port;
  // Socket.io polling requests bypass Koa; its own answers are not pages, but still get nosniff.
  appServer.prependListener('request', (_req, res) => res.setHeader('X-Content-Type-Options', 'nosniff'));
  installEarlyRefusal(appServer, { spent, api: apiLimiter, routes, trustProxy: opts.trustProxy ?? false });
  if (cluster) {
    // Each match's clock and bots run where its lease is: the lease rounds hand every unfinished match to one instance.
    await cluster.start(
      (m) => transport.receive(m),
      (matchID) => {
        void clocks?.update(matchID);
        bots?.poke(matchID);
      },
      (set) => transport.vacated(set),
    );
    await cluster.owners.adopt(await storage.listMatches({ where: { isGameover: false } }));
  } else {
    await bots?.resumeAll();
    await clocks?.resumeAll();
  }
  const sweep = async () => {
    const now = Date.now();
    try {
      const gone = await storage.expire({
        unjoinedBefore: now - lobbyLimits.expireUnjoinedS * 1000,
        finishedBefore: now - lobbyLimits.expireFinishedS * 1000,
        idleBefore: now - lobbyLimits.expireIdleS * 1000,
        limit: 500,
      });
      if (gone.length > 0) logger.info('expired matches deleted', { event: 'expire', count: gone.length });
      await quotas?.forget(now);
      spent.forget();
      cluster?.owners
        .finish(gone)
        .catch((err: unknown) => logger.error('lease cleanup failed', { event: 'expire', err }));
    } catch (err) {
      logger.error('expiry sweep failed', { event: 'expire', err });
    }
  };
  await sweep();
  const sweeper = setInterval(() => void sweep(), lobbyLimits.sweepEveryS * 1000);
  sweeper.unref();
  logger.info(`serving on http://localhost:${actual}`, { event: 'listen', port: actual, db: storage.location });
  return {
    port: actual,
    url: `http://localhost:${actual}`,
    storage,
    transport,
    service,
    bots,
    clocks,
    close: async () => {
      draining = true;
      clearInterval(sweeper);
      bots?.stop();
      clocks?.stop();
      await cluster?.stop();
      await transport.close();
      await service.idle();
      await new Promise<void>((ok) => appServer.close(() => ok()));
      unrouteLogs();
      if (!opts.storage) await storage.close();
    },
  };
}

export type { LobbySpec } from './lobby';
export type { BotPlayer } from './bots';
