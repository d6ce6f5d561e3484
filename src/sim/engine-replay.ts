/**
 * Games driven through boardgame.io's real engine (a local `Client`): the benchmark's reference loop
 * with bots, and the primitives the parity test uses to replay a save through the engine (the game's
 * one replay is the pure src/rules/replay.ts). The seed becomes the engine's seed, so its random plugin
 * rolls the dice headless play rolled.
 */
import { Client } from 'boardgame.io/client';
import type { Game } from 'boardgame.io';
import { SEATS, type Seat } from '../content/ids';
import { playerOf, type GameState } from '../rules';
import { botStream } from '../random';
import { hashState, type SaveFile } from '../content/save-file';
import { MAX_WHY, type Bot } from './headless';
import type { RulesPort, SetupInput } from './rules-port';

/** The real Game with the setup data a local Client cannot pass (it calls `setup` without it). */
export type EngineGame = Game<GameState, Record<string, unknown>, SetupInput>;

export class ReplayError extends Error {}

export interface EngineOutcome {
  G: GameState;
  hash: string;
  winner: Seat | null;
  turns: number;
}

type EngineClient = ReturnType<typeof Client<GameState>>;

export function startClient(game: EngineGame, setup: SetupInput, seed: string): EngineClient {
  const setupFn = game.setup;
  if (!setupFn) throw new ReplayError('the game has no setup');
  const client = Client<GameState>({
    game: { ...game, seed, setup: (ctx) => setupFn(ctx, setup) } as Game<GameState>,
    numPlayers: setup.variant + (setup.whiteCell ? 1 : 0),
    debug: false,
  });
  client.start();
  return client;
}

/** The setup a save's game started from. */
export function setupOf(save: SaveFile): SetupInput {
  const setup: SetupInput = { scenario: save.scenario, variant: save.variant };
  if (save.whiteCell !== undefined) setup.whiteCell = save.whiteCell;
  if (save.handicap !== undefined) setup.handicap = save.handicap;
  return setup;
}

/**
 * The engine's true state. `client.getState()` is already passed through `playerView` for the
 * client's current player, so hashes and rule checks read the store instead.
 */
export function trueState(client: EngineClient): { G: GameState; _stateID: number } {
  return (client as unknown as { store: { getState(): { G: GameState; _stateID: number } } }).store.getState();
}

/** Sends one move as `player`; returns boardgame.io's error text, or null if the state advanced. */
export function dispatch(
  client: EngineClient,
  player: string,
  action: { move: string; args: unknown[] },
  why?: string,
): string | null {
  const before = trueState(client);
  // updatePlayerID rebinds client.moves to the new player: read the move after it.
  client.updatePlayerID(player);
  const move = (client.moves as Record<string, ((...args: unknown[]) => void) | undefined>)[action.move];
  if (typeof move !== 'function') return `the engine has no move "${action.move}"`;
  const errors: string[] = [];
  const saved = console.error;
  console.error = (...msg: unknown[]) => errors.push(msg.map(String).join(' ')); // boardgame.io reports refusals here
  try {
    // A bot's reason rides as a trailing `{ why }` argument: the Game logs it, so the state matches headless play.
    move(...action.args, ...(why ? [{ why }] : []));
  } finally {
    console.error = saved;
  }
  const after = trueState(client);
  if (after._stateID === before._stateID) return errors.join('; ') || 'the engine refused it';
  return null;
}

export function outcome(client: EngineClient): EngineOutcome {
  const G = trueState(client).G;
  return { G, hash: hashState(G), winner: G.result?.winner ?? null, turns: G.result?.turn ?? G.turn };
}

/**
 * The benchmark's reference loop: bots play a game through a plain boardgame.io Client (each decision
 * read from the client's state, each move dispatched as its player). Same bots, streams and seed as
 * headless play, so the same final hash.
 */
export function playThroughEngine(
  game: EngineGame,
  rules: RulesPort,
  setup: SetupInput,
  seed: string,
  bots: Record<Seat, Bot>,
  maxActions = 5000,
): EngineOutcome {
  const client = startClient(game, setup, seed);
  const rngs = {} as Record<Seat, () => number>;
  for (const s of SEATS) rngs[s] = botStream(seed, s);
  try {
    for (let i = 0; ; i++) {
      const G = trueState(client).G;
      if (G.result) return outcome(client);
      if (i >= maxActions)
        throw new ReplayError(`seed "${seed}": engine game still running after ${maxActions} actions`);
      const seat = rules.actingSeat(G);
      if (!seat) throw new ReplayError(`seed "${seed}", action #${i}: no seat may act`);
      const { action, why } = bots[seat](rules.view(G, seat), seat, rngs[seat]);
      const player = playerOf(G, seat);
      if (player === null) throw new ReplayError(`no player holds ${seat}`);
      const refused = dispatch(client, player, action, why.slice(0, MAX_WHY));
      if (refused)
        throw new ReplayError(
          `seed "${seed}", action #${i}: the engine refused ${seat}'s ${JSON.stringify(action)}: ${refused}`,
        );
    }
  } finally {
    client.stop();
  }
}
