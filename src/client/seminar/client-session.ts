/**
 * A SeminarSession over a boardgame.io Client (the hot-seat LocalGame's `client`, or an online
 * client): the console and the projector read the engine's true state and send White Cell and seat
 * moves as the player who holds that role, so every act is an ordinary logged, replayable move.
 */
import type { MoveName, Role, Seat, WhiteMoveName } from '../../content/ids';
import { playerOf, type GameState } from '../../rules';
import type { SeminarSession } from './session';

/** What this needs of a boardgame.io Client. */
export interface BgioClientLike {
  getState(): { G: GameState; _stateID: number } | null;
  subscribe(fn: () => void): () => void;
  updatePlayerID(playerID: string | null): void;
  readonly moves: Record<string, ((...args: unknown[]) => void) | undefined>;
  readonly playerID: string | null;
}

/** One recorded move in the saved-game shape (`eat-save/1` actions). */
export interface RecordedMove {
  player: string;
  seat: Role;
  move: MoveName | WhiteMoveName;
  args: unknown[];
}

export interface ClientSessionOptions {
  /** Called after each accepted move (LocalGame: push it onto `actions` so the save has it). */
  record?: (move: RecordedMove) => void;
}

/**
 * The engine's own state: `getState()` of a client whose playerID is a seat is that seat's view; the
 * store holds the truth. (Online clients only ever hold their own view: the White Cell's is the whole state.)
 */
function trueState(client: BgioClientLike): { G: GameState; _stateID: number } | null {
  const store = (client as unknown as { store?: { getState(): { G: GameState; _stateID: number } } }).store;
  return store?.getState() ?? client.getState();
}

export function clientSession(client: BgioClientLike, opts: ClientSessionOptions = {}): SeminarSession {
  const send = (role: Role, move: MoveName | WhiteMoveName, args: unknown[]): boolean => {
    const before = trueState(client);
    if (!before) return false;
    const player = playerOf(before.G, role);
    if (player === null) return false;
    const previous = client.playerID;
    if (previous !== player) client.updatePlayerID(player);
    try {
      // Read the move after updatePlayerID: it rebinds client.moves to the new player.
      const fn = client.moves[move];
      if (typeof fn !== 'function') return false;
      fn(...args);
    } finally {
      if (previous !== player) client.updatePlayerID(previous);
    }
    const after = trueState(client);
    const ok = !!after && after._stateID !== before._stateID;
    if (ok) opts.record?.({ player, seat: role, move, args: [...args] });
    return ok;
  };
  return {
    state: () => trueState(client)?.G ?? null,
    white: (move, args) => send('white', move, args),
    seatMove: (seat: Seat, move, args) => send(seat, move, args),
    subscribe: (fn) => client.subscribe(() => fn()),
  };
}
