/** Who holds which role: boardgame.io's playerIDs and the seats or White Cell they play (`G.players`), read one way. */
import type { Role } from '../content/ids';
import type { GameState } from './state';

/** The playerID holding `role`, or null when nobody does (a table without a White Cell). */
export function playerOf(G: Pick<GameState, 'players'>, role: Role): string | null {
  for (const [player, roles] of Object.entries(G.players)) if (roles.includes(role)) return player;
  return null;
}

/** The roles `playerID` holds: none for a spectator or an id that is not a player here (never a prototype key). */
export function rolesOf(G: Pick<GameState, 'players'>, playerID: string | null | undefined): readonly Role[] {
  return playerID != null && Object.prototype.hasOwnProperty.call(G.players, playerID)
    ? (G.players[playerID] ?? [])
    : [];
}
