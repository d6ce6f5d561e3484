/**
 * The one replay of a saved game: its actions through the pure rules, step by step (the CLI's check,
 * the replay viewer, the report, branching). The dice are injected — src/random's `createDice(save.seed)`
 * is the alea stream boardgame.io rolls from the same seed, so this reaches the engine's final state
 * without a boardgame.io Client (tests/rules/replay-parity.test.ts holds it to that).
 */
import type { SaveAction as SavedAction, SaveFile as SavedGame } from '../content/save-file';
import { MOVES, type MoveName } from '../content/ids';
import { scenarioById } from '../content/scenario';
import type { Dice } from './dice';
import { applyAction } from './engine';
import { actingSeat, whyIllegal } from './legal-moves';
import { setupState } from './setup';
import type { GameState } from './state';

export class ReplayError extends Error {}

export interface ReplayHooks {
  /** Called with the state after setup, before any action. */
  start?: (G: GameState) => void;
  /** Called with the live state before action `index` is applied (do not mutate it). */
  before?: (G: GameState, index: number, action: SavedAction) => void;
  /** Called with the live state after action `index` was applied. */
  after?: (G: GameState, index: number, action: SavedAction) => void;
  /** Stop before action `index` when this returns true (branching stops at a turn's start). */
  stopBefore?: (G: GameState, index: number) => boolean;
}

/** The starting state of a saved game (setup draws from `dice`, as boardgame.io's setup does). */
export function setupSaved(save: SavedGame, dice: Dice): GameState {
  const scenario = scenarioById(save.scenario);
  if (!scenario) throw new ReplayError(`unknown scenario "${save.scenario}"`);
  return setupState(
    scenario,
    { variant: save.variant, whiteCell: save.whiteCell ?? false, handicap: save.handicap ?? {} },
    dice,
  );
}

/** Words for one saved action, for error messages. */
export function describeSaved(a: SavedAction, index: number): string {
  return `action #${index} (${a.seat} ${a.move} ${JSON.stringify(a.args)})`;
}

/** Apply one saved action; throws ReplayError naming it when the rules refuse it. */
export function applySaved(G: GameState, a: SavedAction, index: number, dice: Dice): void {
  const roles = G.players[a.player];
  if (!roles) throw new ReplayError(`${describeSaved(a, index)}: there is no player "${a.player}" in this game`);
  if (!roles.includes(a.seat))
    throw new ReplayError(`${describeSaved(a, index)}: player ${a.player} holds ${roles.join(', ')}, not ${a.seat}`);
  if (G.result) throw new ReplayError(`${describeSaved(a, index)}: the game already ended on turn ${G.result.turn}`);
  if (!applyAction(G, a.seat, { move: a.move as never, args: a.args }, dice, a.why))
    throw new ReplayError(
      `${describeSaved(a, index)}: the rules refuse it at turn ${G.turn}, round ${G.round}: ${refusal(G, a)}`,
    );
}

/** Why the rules refused a saved action, in the game's words. */
function refusal(G: GameState, a: SavedAction): string {
  if (a.seat === 'white') return 'the White Cell may not use that power now';
  const acting = actingSeat(G);
  if (acting !== a.seat) return `it is ${acting ?? 'nobody'}'s action, not ${a.seat}'s`;
  if (!(MOVES as readonly string[]).includes(a.move)) return `${a.move} is not a seat's move`;
  return whyIllegal(G, a.seat, a.move as MoveName) ?? 'not a legal choice of arguments now';
}

/** Replay `save` from its seed; returns the final (or stopped-at) state and how many actions ran. */
export function replaySaved(save: SavedGame, dice: Dice, hooks: ReplayHooks = {}): { G: GameState; applied: number } {
  const G = setupSaved(save, dice);
  hooks.start?.(G);
  let i = 0;
  for (; i < save.actions.length; i++) {
    if (hooks.stopBefore?.(G, i)) break;
    const a = save.actions[i]!;
    hooks.before?.(G, i, a);
    applySaved(G, a, i, dice);
    hooks.after?.(G, i, a);
  }
  return { G, applied: i };
}
