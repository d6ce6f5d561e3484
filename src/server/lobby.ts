/**
 * The lobby's REST routes, replacing boardgame.io's stock ones: every body is parsed with zod, the
 * server picks the match id, the seed (never sent) and the credentials, bot seats are filled at
 * creation, and no route ever returns credentials other than the caller's own.
 */
import { createMatch } from 'boardgame.io/internal';
import type { Game, LobbyAPI, Server as BgioServer } from 'boardgame.io';
import { z } from 'zod';
import { newSecret, sameSecret } from './hardening';
import type { Logger } from './log';
import type { SqliteStorage } from './sqlite-storage';

/** What a game tells the lobby: how to parse setupData and how many players it makes. */
export interface LobbySpec<S = unknown> {
  setupSchema: z.ZodType<S>;
  /** The player count for this setup, or an error message. `requested` is the body's numPlayers, if any. */
  numPlayers: (setup: S, requested: number | undefined) => number | string;
  /** Bot difficulty names the AI offers. */
  botLevels: readonly [string, ...string[]];
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
  standIns?: Record<string, { level: string }>;
}

const publicOptions = (o: MatchOptions | undefined): PublicOptions =>
  o
    ? { bots: o.bots, ...(o.clock ? { clock: o.clock } : {}), ...(o.standIns ? { standIns: o.standIns } : {}) }
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
        const numPlayers = spec.numPlayers(body.setupData, body.numPlayers);
        if (typeof numPlayers === 'string') throw new HttpError(400, `create: ${numPlayers}`);
        const bots = Object.fromEntries(Object.entries(body.bots ?? {}).map(([k, level]) => [k, { level }]));
        for (const k of Object.keys(bots))
          if (Number(k) >= numPlayers) throw new HttpError(400, `create: bots: no seat ${k} among ${numPlayers}`);
        if (Object.keys(bots).length > 0 && !deps.botsAllowed)
          throw new HttpError(400, 'create: this server has no bots');
        if (Object.keys(bots).length >= numPlayers)
          throw new HttpError(400, 'create: at least one seat must be left for a person');
        // The seed: 128 unpredictable bits, stored inside the state's random plugin, never sent (playerView drops it).
        const seed = newSecret(16);
        const match = createMatch({
          game: { ...game, seed },
          numPlayers,
          setupData: body.setupData,
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
