/** What every lobby route module shares: the route shape, its errors, the body parser and the deps. */
import type { Game, Server as BgioServer } from 'boardgame.io';
import { z } from 'zod';
import type { BotSeats } from '../bots';
import type { Clocks } from '../clock';
import type { Logger } from '../log';
import { retryAfterS, tooManyMessage, type RequestLimiter } from '../request-limiter';
import type { LobbyLimits } from '../settings';
import type { MatchStore } from '../storage';
import type { ExportInput, LobbySpec } from './options';

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  /** The per-address quota the handler spends first: once it is spent, the server refuses this route early. */
  quota?: 'create' | 'join';
  handler: (ctx: RouteContext) => Promise<void> | void;
}

export interface RouteContext {
  params: Record<string, string>;
  query: Record<string, string | string[] | undefined>;
  body: unknown;
  /** The client's address (see client-address.ts), for the per-client limits. */
  address: string;
  status: number;
  response: unknown;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Seconds to wait before retrying (429): sent as Retry-After. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value ?? {});
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
    throw new HttpError(400, `${what}: ${problems}`);
  }
  return r.data;
}

export const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

export const seatID = z.string().regex(/^[0-9]{1,2}$/, 'a seat id like "0"');
export const playerName = z.string().trim().min(1).max(40);
export const credentials = z.string().min(1).max(256);
export const smallData = z
  .record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean(), z.null()]))
  .optional();

export interface LobbyDeps {
  game: Game;
  spec: LobbySpec;
  storage: MatchStore;
  logger: Logger;
  limits: LobbyLimits;
  /** Per-address quotas on creating matches and joining seats. */
  limiters: { create: RequestLimiter; join: RequestLimiter };
  /** Seats changed (join, leave, update): tell connected clients, let bots and the clock look again. */
  onSeatsChanged: (matchID: string) => void;
  /** A player left: connections still holding that seat lose its view and chat. */
  onSeatReleased?: (matchID: string, playerID: string) => void;
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

/** Spends one point of an address's quota or refuses with 429 and when to retry (`what`: the quota; none for the per-request brake). */
export async function spend(limiter: RequestLimiter, address: string, what?: string): Promise<void> {
  const ms = await limiter.take(address);
  if (ms !== null) throw new HttpError(429, tooManyMessage(what, retryAfterS(ms)), retryAfterS(ms));
}

const notFound = (matchID: string) => new HttpError(404, `match ${matchID} not found`);

/** The stored metadata of one of this game's matches, or 404. */
export async function loadMatch(deps: LobbyDeps, matchID: string): Promise<BgioServer.MatchData> {
  const { metadata } = await deps.storage.fetch(matchID, { metadata: true });
  if (!metadata || metadata.gameName !== deps.game.name) throw notFound(matchID);
  return metadata;
}

/**
 * Edits one of this game's matches' metadata in place under its row lock (or 404) and stores it;
 * `edit` may throw an HttpError, and then nothing is written. Resolves to what `edit` returned.
 */
export async function editMatch<T>(
  deps: LobbyDeps,
  matchID: string,
  edit: (metadata: BgioServer.MatchData) => T,
): Promise<T> {
  let result: { value: T } | undefined;
  await deps.storage.updateMetadata(matchID, (metadata) => {
    if (metadata.gameName !== deps.game.name) throw notFound(matchID);
    result = { value: edit(metadata) };
    return metadata;
  });
  if (!result) throw notFound(matchID);
  return result.value;
}

export function seatOf(metadata: BgioServer.MatchData, playerID: string): BgioServer.PlayerMetadata {
  const s = metadata.players[playerID as unknown as number];
  if (!s) throw new HttpError(404, `seat ${playerID} not found`);
  return s;
}
