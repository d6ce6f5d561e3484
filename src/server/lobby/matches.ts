/**
 * The matches resource: create (rate-limited per address, capped per creator and in total), the
 * paged lobby list, one match, and the stock routes this lobby does not offer.
 */
import { createMatch } from 'boardgame.io/internal';
import type { LobbyAPI, Server as BgioServer } from 'boardgame.io';
import { z } from 'zod';
import { creatorKey } from '../client-address';
import { LoopTurns } from '../serial-queues';
import { newSecret } from '../hardening';
import type { ListCursor } from '../storage';
import { clockSchema, publicOptions, type MatchOptions, type PublicOptions } from './options';
import { HttpError, loadMatch, one, parse, seatID, spend, type LobbyDeps, type Route } from './route';

/** A lobby page cursor as sent to clients: opaque base64url of [updatedAt, matchID]. */
const encodeCursor = (c: ListCursor): string =>
  Buffer.from(JSON.stringify([c.updatedAt, c.matchID])).toString('base64url');
const cursorSchema = z.tuple([z.number().int(), z.string().max(64)]);
function decodeCursor(text: string): ListCursor {
  try {
    const [updatedAt, matchID] = cursorSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return { updatedAt, matchID };
  } catch {
    throw new HttpError(400, 'list: after: not a cursor from a previous page (use the `next` it returned)');
  }
}

export type ClientMatch = LobbyAPI.Match & { options: PublicOptions };

export function clientMatch(matchID: string, metadata: BgioServer.MatchData, options: unknown): ClientMatch {
  return {
    ...metadata,
    matchID,
    players: Object.values(metadata.players).map(({ credentials: _c, ...rest }) => rest),
    options: publicOptions(options as MatchOptions | undefined),
  };
}

export function matchRoutes(deps: LobbyDeps): Route[] {
  const { game, spec, storage, limits } = deps;
  const name = game.name!;
  // Creates are the lobby's heaviest request (the rules' setup and a stored row): one a loop turn, and the caps checked in turn.
  const createTurns = new LoopTurns();
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
  const listQuery = z.object({
    isGameover: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(limits.maxPageSize).optional(),
    after: z.string().max(200).optional(),
  });

  const create = async (body: z.infer<typeof createBody>, address: string) => {
    const creator = creatorKey(address);
    if ((await storage.countOpen(creator)) >= limits.maxOpenPerCreator)
      throw new HttpError(
        429,
        `create: your address already has ${limits.maxOpenPerCreator} unfinished matches; finish one or wait until unjoined ones expire`,
      );
    if ((await storage.countOpen()) >= limits.maxOpenMatches)
      throw new HttpError(
        503,
        `create: the server holds its maximum of ${limits.maxOpenMatches} open matches; try later`,
      );
    if (body.clock && !deps.clocks) throw new HttpError(400, 'create: this server has no clocks for this game');
    const numPlayers = spec.numPlayers(body.setupData, body.numPlayers);
    if (typeof numPlayers === 'string') throw new HttpError(400, `create: ${numPlayers}`);
    const bots = Object.fromEntries(Object.entries(body.bots ?? {}).map(([k, level]) => [k, { level }]));
    for (const k of Object.keys(bots))
      if (Number(k) >= numPlayers) throw new HttpError(400, `create: bots: no seat ${k} among ${numPlayers}`);
    if (Object.keys(bots).length > 0 && !deps.botsAllowed) throw new HttpError(400, 'create: this server has no bots');
    if (Object.keys(bots).length >= numPlayers)
      throw new HttpError(400, 'create: at least one seat must be left for a person');
    const setupData = spec.prepareSetup
      ? spec.prepareSetup(body.setupData, body.bots ?? {}, numPlayers)
      : body.setupData;
    if (typeof setupData === 'string') throw new HttpError(400, `create: ${setupData}`);
    // The seed: 128 unpredictable bits, stored inside the state's random plugin, never sent (playerView drops it).
    const seed = newSecret(16);
    const match = createMatch({ game: { ...game, seed }, numPlayers, setupData, unlisted: body.unlisted ?? false });
    if ('setupDataError' in match) throw new HttpError(400, `create: setupData: ${String(match.setupDataError)}`);
    for (const [k, b] of Object.entries(bots)) {
      const s = match.metadata.players[k as unknown as number]!;
      s.name = `Bot (${b.level})`;
      s.credentials = newSecret();
      s.data = { bot: true, level: b.level };
    }
    const matchID = newSecret(9);
    const options: MatchOptions = { bots, creatorToken: newSecret(), ...(body.clock ? { clock: body.clock } : {}) };
    await storage.createMatchWithOptions(matchID, match, options, creator);
    deps.logger.info('match created', { matchID, event: 'create', numPlayers, bots: Object.keys(bots) });
    deps.onCreated?.(matchID);
    return { matchID, creatorToken: options.creatorToken };
  };

  return [
    {
      method: 'POST',
      path: `/games/${name}/create`,
      quota: 'create',
      handler: async (ctx) => {
        await spend(deps.limiters.create, ctx.address, 'create');
        const body = parse(createBody, ctx.body, 'create');
        ctx.response = await createTurns.run(() => create(body, ctx.address));
      },
    },
    {
      method: 'GET',
      path: `/games/${name}`,
      handler: async (ctx) => {
        const q = parse(
          listQuery,
          { isGameover: one(ctx.query.isGameover), limit: one(ctx.query.limit), after: one(ctx.query.after) },
          'list',
        );
        const page = await storage.listPage({
          gameName: name,
          ...(q.isGameover ? { gameover: q.isGameover === 'true' } : {}),
          limit: q.limit ?? Math.min(50, limits.maxPageSize),
          after: q.after === undefined ? undefined : decodeCursor(q.after),
        });
        ctx.response = {
          matches: page.matches.map((m) => clientMatch(m.matchID, m.metadata, m.options)),
          ...(page.next ? { next: encodeCursor(page.next) } : {}),
        };
      },
    },
    {
      method: 'GET',
      path: `/games/${name}/:id`,
      handler: async (ctx) => {
        const id = ctx.params.id!;
        ctx.response = clientMatch(id, await loadMatch(deps, id), await storage.getOptions(id));
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
