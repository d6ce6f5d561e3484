/** The one gate for hidden information (ARCHITECTURE.md convention 9): what a player may see of `G`. */
import type { Role } from '../content/ids';
import { HIDDEN_MOVES } from './moves';
import type { GameState } from './state';

/** Placeholder for anything a viewer may not see. */
export const HIDDEN = 'hidden';

/**
 * `G` as `playerID` may see it: its own national priorities, no deck order, hidden aid as unknown,
 * NATO's Futures peek for NATO only, the log filtered. The White Cell sees everything. A spectator
 * (no playerID, or an unknown one) sees only public information.
 */
export function playerView(G: GameState, playerID: string | null | undefined): GameState {
  const roles: Role[] =
    (playerID != null && Object.prototype.hasOwnProperty.call(G.players, playerID) ? G.players[playerID] : []) ?? [];
  if (roles.includes('white')) return G;
  const sees = (role: Role) => roles.includes(role);
  const view: GameState = {
    ...G,
    deck: G.deck.map(() => HIDDEN),
    incidentDeck: G.incidentDeck.map(() => HIDDEN),
    priority: { china: HIDDEN, nato: HIDDEN, japan: HIDDEN, korea: HIDDEN },
    aid: sees('china') ? G.aid : G.aid.map((a, i) => (a.revealed ? a : { id: `${HIDDEN}-${i}`, revealed: false })),
    log: G.log.filter((e) => !e.visibleTo || e.visibleTo.some(sees)),
  };
  for (const seat of ['china', 'nato', 'japan', 'korea'] as const)
    if (sees(seat)) view.priority[seat] = G.priority[seat];
  if (G.pending?.kind === 'futures' && !sees('nato'))
    view.pending = { ...G.pending, cards: G.pending.cards.map(() => HIDDEN) };
  // A hidden move waiting for approval shows only as "a covert move" to the other seats.
  if (G.pending?.kind === 'approval' && HIDDEN_MOVES.has(G.pending.action.move) && !sees(G.pending.seat))
    view.pending = { ...G.pending, action: { move: 'pass', args: [] }, covert: true } as GameState['pending'];
  // The White Cell's schedule, fixed rolls, written cards and rewind history are the umpire's alone.
  if (G.white)
    view.white = {
      ...G.white,
      hold: false,
      schedule: {},
      forcedRolls: [],
      // A written card once played was read to the room: its words are public, the unplayed ones are not.
      written: Object.fromEntries(Object.entries(G.white.written).filter(([id]) => G.discard.includes(id))),
      snapshots: [],
      branches: G.white.branches.map((b) => ({ ...b, state: null, snapshots: [] })),
    };
  // Once the game is over, secrets are history: everyone may read every priority and marker.
  if (G.result) return { ...view, priority: G.priority, aid: G.aid };
  return view;
}
