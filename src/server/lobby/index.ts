/**
 * The lobby's REST routes, replacing boardgame.io's stock ones, one module per resource: matches
 * (create, list, get), seats (join, leave, update, stand-in), the clock and the replay download.
 * Every body is parsed with zod, the server picks the match id, the seed (never sent) and the
 * credentials, bot seats are filled at creation, and no route returns credentials but the caller's own.
 */
import { clockRoutes } from './clock-control';
import { matchRoutes } from './matches';
import { replayRoutes } from './replay';
import type { LobbyDeps, Route } from './route';
import { seatRoutes } from './seats';

export function lobbyRoutes(deps: LobbyDeps): Route[] {
  return [...matchRoutes(deps), ...seatRoutes(deps), ...clockRoutes(deps), ...replayRoutes(deps)];
}

export { HttpError, spend, type LobbyDeps, type Route, type RouteContext } from './route';
export type { ClockOptions, ExportInput, LobbySpec, MatchOptions, PublicOptions } from './options';
