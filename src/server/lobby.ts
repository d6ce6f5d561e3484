/**
 * The lobby's REST routes, replacing boardgame.io's stock ones: every body is parsed with zod, the
 * server picks the match id, the seed (never sent) and the credentials, bot seats are filled at
 * creation, and no route ever returns credentials other than the caller's own.
 */
import { createMatch } from 'boardgame.io/internal';
import type { Game, LobbyAPI, LogEntry, Server as BgioServer, State } from 'boardgame.io';
import { z } from 'zod';
import { newSecret, sameSecret } from './hardening';
import type { BotSeats } from './bots';
import type { Clocks } from './clock';
import type { Logger } from './log';
import type { SqliteStorage } from './sqlite-storage';

/** What a game tells the lobby: how to parse setupData and how many players it makes. */
export interface LobbySpec<S = unknown> {
  setupSchema: z.ZodType<S>;
  /** The player count for this setup, or an error message. `requested` is the body's numPlayers, if any. */
  numPlayers: (setup: S, requested: number | undefined) => number | string;
  /** Bot difficulty names the AI offers. */
  botLevels: readonly [string, ...string[]];
  /** Adjusts setupData for the bot seats (e.g. difficulty bonuses), or returns an error message. */
  prepareSetup?: (setup: S, bots: Record<string, string>, numPlayers: number) => S | string;
}

export const clockSchema = z
  .object({
    mode: z.enum(['turn', 'game']),
    seconds: z
      .number()
      .int()
      .min(10)
      .max(7 * 24 * 3600),
    onTimeout: z.enum(['bot', 'pass']),
  })
  .strict();
export type ClockOptions = z.infer<typeof clockSchema>;

/** Server-side options of a match, stored beside it (the creator token is never sent back after creation). */
export interface MatchOptions {
  bots: Record<string, { level: string }>;
  clock?: ClockOptions;
  creatorToken: string;
  /** Seats a bot plays for a dropped human, who may take them back. */
  standIns?: Record<string, { level: string }>;
  /** Clock bookkeeping, owned by the clock module. */
  clockState?: unknown;
}

export interface PublicOptions {
  bots: Record<string, { level: string }>;
  clock?: ClockOptions;
  clockState?: unknown;
  standIns?: Record<string, { level: string }>;
}

const publicOptions = (o: MatchOptions | undefined): PublicOptions =>
  o
    ? {
        bots: o.bots,
        ...(o.clock ? { clock: o.clock, clockState: o.clockState } : {}),
        ...(o.standIns && Object.keys(o.standIns).length > 0 ? { standIns: o.standIns } : {}),
      }
    : { bots: {} };

const seatID = z.string().regex(/^[0-9]{1,2}$/, 'a seat id like "0"');
const playerName = z.string().trim().min(1).max(40);
const credentials = z.string().min(1).max(256);
const smallData = z
  .record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean(), z.null()]))
  .optional();

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handler: (ctx: RouteContext) => Promise<void> | void;
}

export interface RouteContext {
  params: Record<string, string>;
  query: Record<string, string | string[] | undefined>;
  body: unknown;
  status: number;
  response: unknown;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value ?? {});
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
    throw new HttpError(400, `${what}: ${problems}`);
  }
  return r.data;
}

export interface LobbyDeps {
  game: Game;
  spec: LobbySpec;
  storage: SqliteStorage;
  logger: Logger;
  /** Tells connected clients the seats changed. */
  announce: (matchID: string) => void;
  /** Called when a match is created (bots may have to move first). */
  onCreated?: (matchID: string) => void;
  /** Whether a bot player is installed; without one, bot seats are refused. */
  botsAllowed: boolean;
  bots?: BotSeats | undefined;
  clocks?: Clocks | undefined;
  /** Builds the downloadable saved game of a match; absent = no downloads. */
  exportMatch?: (match: ExportInput) => unknown;
  /** Whether this seat may download a match that is not over (an umpire). */
  mayExportEarly?: (match: ExportInput, playerID: string) => boolean;
}

/** Everything stored about a match, for building its saved-game file. */
export interface ExportInput {
  matchID: string;
  metadata: BgioServer.MatchData;
  state: State;
  initialState: State;
  log: LogEntry[];
  options: PublicOptions;
}

export function lobbyRoutes(deps: LobbyDeps): Route[] {
  const { game, spec, storage } = deps;
  const name = game.name!;
  const createBody = z
    .object({
      numPlayers: z.number().int().min(1).max(16).optional(),
      setupData: spec.setupSchema,
      unlisted: z.boolean().optional(),
      bots: z.record(seatID, z.enum(spec.botLevels)).optional(),
      clock: clockSchema.optional(),
      // Accepted for compatibility with boardgame.io's LobbyClient and ignored: the server picks every seed.
      seed: z.unknown().optional(),
    })
    .strict();

  const load = (matchID: string) => {
    const { metadata } = storage.fetch(matchID, { metadata: true });
    if (!metadata || metadata.gameName !== name) throw new HttpError(404, `match ${matchID} not found`);
    return metadata;
  };
  const seat = (metadata: BgioServer.MatchData, playerID: string) => {
    const s = metadata.players[playerID as unknown as number];
    if (!s) throw new HttpError(404, `seat ${playerID} not found`);
    return s;
  };
  const clientMatch = (
    matchID: string,
    metadata: BgioServer.MatchData,
  ): LobbyAPI.Match & { options: PublicOptions } => ({
    ...metadata,
    matchID,
    players: Object.values(metadata.players).map(({ credentials: _c, ...rest }) => rest),
    options: publicOptions(storage.getOptions(matchID) as MatchOptions | undefined),
  });

  return [
    {
      method: 'POST',
      path: `/games/${name}/create`,
      handler: (ctx) => {
        const body = parse(createBody, ctx.body, 'create');
        if (body.clock && !deps.clocks) throw new HttpError(400, 'create: this server has no clocks for this game');
        const numPlayers = spec.numPlayers(body.setupData, body.numPlayers);
        if (typeof numPlayers === 'string') throw new HttpError(400, `create: ${numPlayers}`);
        const bots = Object.fromEntries(Object.entries(body.bots ?? {}).map(([k, level]) => [k, { level }]));
        for (const k of Object.keys(bots))
          if (Number(k) >= numPlayers) throw new HttpError(400, `create: bots: no seat ${k} among ${numPlayers}`);
        if (Object.keys(bots).length > 0 && !deps.botsAllowed)
          throw new HttpError(400, 'create: this server has no bots');
        if (Object.keys(bots).length >= numPlayers)
          throw new HttpError(400, 'create: at least one seat must be left for a person');
        const setupData = spec.prepareSetup
          ? spec.prepareSetup(body.setupData, body.bots ?? {}, numPlayers)
          : body.setupData;
        if (typeof setupData === 'string') throw new HttpError(400, `create: ${setupData}`);
        // The seed: 128 unpredictable bits, stored inside the state's random plugin, never sent (playerView drops it).
        const seed = newSecret(16);
        const match = createMatch({
          game: { ...game, seed },
          numPlayers,
          setupData,
          unlisted: body.unlisted ?? false,
        });
        if ('setupDataError' in match) throw new HttpError(400, `create: setupData: ${String(match.setupDataError)}`);
        for (const [k, b] of Object.entries(bots)) {
          const s = match.metadata.players[k as unknown as number]!;
          s.name = `Bot (${b.level})`;
          s.credentials = newSecret();
          s.data = { bot: true, level: b.level };
        }
        const matchID = newSecret(9);
        const options: MatchOptions = { bots, creatorToken: newSecret(), ...(body.clock ? { clock: body.clock } : {}) };
        storage.createMatchWithOptions(matchID, match, options);
        deps.logger.info('match created', { matchID, event: 'create', numPlayers, bots: Object.keys(bots) });
        deps.onCreated?.(matchID);
        ctx.response = { matchID, creatorToken: options.creatorToken };
      },
    },
    {
      method: 'GET',
      path: `/games/${name}`,
      handler: (ctx) => {
        const q = ctx.query;
        const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
        const gameover = one(q.isGameover);
        const ids = storage.listMatches({
          gameName: name,
          where: {
            ...(gameover === 'true' ? { isGameover: true } : gameover === 'false' ? { isGameover: false } : {}),
          },
        });
        const matches = [];
        for (const id of ids.slice(0, 500)) {
          const { metadata } = storage.fetch(id, { metadata: true });
          if (metadata && !metadata.unlisted) matches.push(clientMatch(id, metadata));
        }
        ctx.response = { matches };
      },
    },
    {
      method: 'GET',
      path: `/games/${name}/:id`,
      handler: (ctx) => {
        const id = ctx.params.id!;
        ctx.response = clientMatch(id, load(id));
      },
    },
    {
      method: 'POST',
      path: `/games/${name}/:id/join`,
      handler: (ctx) => {
        const body = parse(
          z.object({ playerID: seatID.optional(), playerName, data: smallData }).strict(),
          ctx.body,
          'join',
        );
        const id = ctx.params.id!;
        const metadata = load(id);
        const playerID =
          body.playerID ?? Object.keys(metadata.players).find((k) => !metadata.players[k as unknown as number]!.name);
        if (playerID === undefined) throw new HttpError(409, `match ${id} is full`);
        const s = seat(metadata, playerID);
        if (s.name) throw new HttpError(409, `seat ${playerID} is taken`);
        s.name = body.playerName;
        if (body.data) s.data = body.data;
        s.credentials = newSecret();
        metadata.updatedAt = Date.now();
        storage.setMetadata(id, metadata);
        deps.announce(id);
        ctx.response = { playerID, playerCredentials: s.credentials };
      },
    },
    {
      method: 'POST',
      path: `/games/${name}/:id/leave`,
      handler: (ctx) => {
        const body = parse(z.object({ playerID: seatID, credentials }).strict(), ctx.body, 'leave');
        const id = ctx.params.id!;
        const metadata = load(id);
        const s = seat(metadata, body.playerID);
        if (!sameSecret(body.credentials, s.credentials) || (s.data as { bot?: boolean } | undefined)?.bot)
          throw new HttpError(403, 'leave: wrong credentials');
        delete s.name;
        delete s.credentials;
        delete s.data;
        metadata.updatedAt = Date.now();
        // Unlike boardgame.io's stock lobby, a match is never wiped by a leave: its state and log are the record.
        storage.setMetadata(id, metadata);
        deps.announce(id);
        ctx.response = {};
      },
    },
    {
      method: 'POST',
      path: `/games/${name}/:id/update`,
      handler: (ctx) => {
        const body = parse(
          z.object({ playerID: seatID, credentials, newName: playerName.optional(), data: smallData }).strict(),
          ctx.body,
          'update',
        );
        const id = ctx.params.id!;
        const metadata = load(id);
        const s = seat(metadata, body.playerID);
        if (!sameSecret(body.credentials, s.credentials)) throw new HttpError(403, 'update: wrong credentials');
        if (body.newName) s.name = body.newName;
        if (body.data) s.data = body.data;
        storage.setMetadata(id, metadata);
        deps.announce(id);
        ctx.response = {};
      },
    },
    {
      method: 'POST',
      path: `/games/${name}/:id/stand-in`,
      handler: (ctx) => {
        const body = parse(
          z
            .object({
              playerID: seatID,
              credentials: credentials.optional(),
              creatorToken: credentials.optional(),
              level: z.enum(spec.botLevels).optional(),
              on: z.boolean(),
            })
            .strict(),
          ctx.body,
          'stand-in',
        );
        const id = ctx.params.id!;
        const metadata = load(id);
        const s = seat(metadata, body.playerID);
        const options = storage.getOptions(id) as MatchOptions | undefined;
        if (!deps.bots || !options) throw new HttpError(400, 'stand-in: this server has no bots');
        if (options.bots[body.playerID]) throw new HttpError(409, `stand-in: seat ${body.playerID} is a bot seat`);
        const own = sameSecret(body.credentials, s.credentials);
        // The creator may hand an absent player's seat to a bot; only the player may take it back early.
        const creator = sameSecret(body.creatorToken, options.creatorToken) && (body.on ? !s.isConnected : true);
        if (!own && !creator)
          throw new HttpError(403, "stand-in: the seat's credentials, or the creator token for a disconnected seat");
        if (!s.name) throw new HttpError(409, `stand-in: seat ${body.playerID} has no player`);
        deps.bots.setStandIn(id, body.playerID, body.on ? { level: body.level ?? spec.botLevels[0] } : null);
        ctx.response = { standIns: (storage.getOptions(id) as MatchOptions).standIns ?? {} };
      },
    },
    {
      method: 'POST',
      path: `/games/${name}/:id/clock`,
      handler: (ctx) => {
        const body = parse(
          z
            .object({
              creatorToken: credentials,
              action: z.enum(['pause', 'resume', 'extend']),
              seconds: z
                .number()
                .int()
                .min(1)
                .max(24 * 3600)
                .optional(),
            })
            .strict(),
          ctx.body,
          'clock',
        );
        const id = ctx.params.id!;
        load(id);
        const options = storage.getOptions(id) as MatchOptions | undefined;
        if (!options?.clock || !deps.clocks) throw new HttpError(409, 'clock: this match has no clock');
        if (!sameSecret(body.creatorToken, options.creatorToken))
          throw new HttpError(403, 'clock: only the match creator controls the clock');
        ctx.response = deps.clocks.control(id, body.action, body.seconds ?? 60);
      },
    },
    {
      method: 'GET',
      path: `/games/${name}/:id/replay`,
      handler: (ctx) => {
        const id = ctx.params.id!;
        if (!deps.exportMatch) throw new HttpError(404, 'replay: downloads are not offered for this game');
        const { state, initialState, log, metadata } = storage.fetch(id, {
          state: true,
          initialState: true,
          log: true,
          metadata: true,
        });
        if (!state || !initialState || !log || !metadata || metadata.gameName !== name)
          throw new HttpError(404, `match ${id} not found`);
        const input: ExportInput = {
          matchID: id,
          metadata,
          state,
          initialState,
          log,
          options: publicOptions(storage.getOptions(id) as MatchOptions | undefined),
        };
        if (state.ctx.gameover === undefined) {
          // Before the end only an umpire seat may download: the file holds the seed and every hidden choice.
          const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
          const playerID = one(ctx.query.playerID);
          const creds = one(ctx.query.credentials);
          const s = playerID !== undefined ? metadata.players[playerID as unknown as number] : undefined;
          if (!s || !sameSecret(creds, s.credentials) || !deps.mayExportEarly?.(input, playerID!)) {
            throw new HttpError(403, 'replay: the match is not over (only the White Cell may download it now)');
          }
        }
        ctx.response = deps.exportMatch(input);
      },
    },
    {
      method: 'POST',
      path: `/games/${name}/:id/playAgain`,
      handler: () => {
        throw new HttpError(404, 'playAgain is not offered: create a new match');
      },
    },
    {
      method: 'POST',
      path: `/games/${name}/:id/rename`,
      handler: () => {
        throw new HttpError(404, 'rename is not offered: use /update');
      },
    },
  ];
}
