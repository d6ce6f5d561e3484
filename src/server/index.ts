/**
 * `createServer`: one Node process, one port — the built client, the lobby API and boardgame.io's
 * socket transport — with SQLite storage and the hardening of STACK.md. Generic over the Game.
 */
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Server } from 'boardgame.io/server';
import { ProcessGameConfig } from 'boardgame.io/internal';
import type { Game } from 'boardgame.io';
import { authenticateCredentials, installProcessGuards, newSecret, type GateRules, type Limits } from './hardening';
import { apiMiddleware, staticMiddleware, type Middleware } from './http';
import { lobbyRoutes, type LobbySpec } from './lobby';
import { consoleLogger, type Logger } from './log';
import type { MatchService, MatchServiceOptions } from './match-service';
import { SqliteStorage } from './sqlite-storage';
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
  host?: string;
  /** Data directory for SQLite. Default `DATA_DIR` or ./data. */
  dataDir?: string;
  storage?: SqliteStorage;
  /** The built client. Default ./dist/client. */
  clientDir?: string;
  logger?: Logger;
  limits?: Partial<Limits>;
  /** Log and survive unhandled rejections/exceptions (main.ts sets it; tests leave the runner's own handlers). */
  processGuards?: boolean;
}

export interface RunningServer {
  port: number;
  url: string;
  storage: SqliteStorage;
  transport: HardenedSocketIO;
  service: MatchService;
  bots: BotSeats | undefined;
  clocks: Clocks | undefined;
  close(): Promise<void>;
}

export async function createServer(opts: CreateServerOptions): Promise<RunningServer> {
  const logger = opts.logger ?? consoleLogger();
  if (opts.processGuards) installProcessGuards(logger);
  // Undo is never accepted from clients, and its stack would copy every earlier state into each stored one.
  const game = ProcessGameConfig({ ...opts.game, disableUndo: true });
  const name = game.name!;
  const storage = opts.storage ?? new SqliteStorage({ dataDir: opts.dataDir, logger, lock: true });
  let bots: BotSeats | undefined;
  let clocks: Clocks | undefined;
  const transport = new HardenedSocketIO({
    logger,
    limits: opts.limits,
    checkArgs: opts.checkArgs ? { [name]: opts.checkArgs } : {},
    viewLog: { [name]: opts.viewLog },
    onCommit: (_g, event) => {
      clocks?.update(event.matchID, event.state);
      bots?.onCommit(event);
    },
    // A player who comes back takes the seat back from a stand-in bot.
    onSeatSynced: (_g, matchID, playerID) => {
      if (playerID !== null) bots?.setStandIn(matchID, playerID, null);
    },
  });
  const server = Server({
    games: [game],
    db: storage,
    transport,
    origins: [],
    authenticateCredentials,
    generateCredentials: () => newSecret(),
  });
  const service = transport.services.get(name)!;
  if (opts.bot) bots = new BotSeats({ service, storage, logger, player: opts.bot });
  if (opts.clock) {
    clocks = new Clocks({
      service,
      storage,
      bots,
      logger,
      spec: opts.clock,
      secondMs: opts.clockSecondMs,
      now: opts.clockNow,
      emit: (matchID, clock) => transport.emitToMatch(matchID, 'clock', matchID, clock),
    });
  }
  const routes = lobbyRoutes({
    game,
    spec: opts.lobby,
    storage,
    logger,
    announce: (matchID) => {
      service.announceMetadata(matchID).catch((err: unknown) => logger.error('announce failed', { matchID, err }));
      bots?.poke(matchID);
    },
    onCreated: (matchID) => {
      clocks?.update(matchID);
      bots?.poke(matchID);
    },
    botsAllowed: opts.bot !== undefined,
    bots,
    clocks,
    exportMatch: opts.exportMatch,
    mayExportEarly: opts.mayExportEarly,
  });
  const app = server.app as unknown as { use(mw: Middleware): void; on(ev: string, fn: (err: unknown) => void): void };
  app.use(apiMiddleware(routes, [name], logger));
  app.use(staticMiddleware(resolve(opts.clientDir ?? 'dist/client'), logger));
  app.on('error', (err) => logger.warn('http error', { event: 'http-error', err }));
  const port = opts.port ?? Number(process.env.PORT ?? 8000);
  const { appServer } = await server.run({ port, callback: () => undefined });
  const actual = (appServer.address() as AddressInfo).port;
  bots?.resumeAll();
  clocks?.resumeAll();
  logger.info(`serving on http://localhost:${actual}`, { event: 'listen', port: actual, db: storage.path });
  return {
    port: actual,
    url: `http://localhost:${actual}`,
    storage,
    transport,
    service,
    bots,
    clocks,
    close: async () => {
      bots?.stop();
      clocks?.stop();
      await transport.close();
      await new Promise<void>((ok) => appServer.close(() => ok()));
      if (!opts.storage) storage.close();
    },
  };
}

export type { LobbySpec } from './lobby';
export type { BotPlayer } from './bots';
