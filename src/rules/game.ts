/** The boardgame.io Game: a thin shell over the pure rules. All players are always active; the rules decide who acts. */
import type { Game, Move } from 'boardgame.io';
import { ActivePlayers, INVALID_MOVE } from 'boardgame.io/core';
import { MOVES, VARIANTS, WHITE_MOVES, type MoveName, type Variant, type WhiteMoveName } from '../content/ids';
import { scenarioById } from '../content/scenario';
import type { Dice } from './dice';
import { applyAction } from './engine';
import { actingSeat, legalMoves } from './legal-moves';
import { setupState } from './setup';
import type { GameState, HandicapInput } from './state';
import { rolesOf } from './players';
import { playerView } from './view';

export interface SetupData {
  scenario: string;
  variant: Variant;
  whiteCell?: boolean;
  handicap?: HandicapInput;
  /** An online match's study question, kept with the match for its saved game; the rules ignore it. */
  study?: string;
}

export const GAME_NAME = 'east-asia-tomorrow';
export const DEFAULT_SCENARIO = 'baseline-2023';

/** boardgame.io's random as our dice: only `Number()`, so headless alea play rolls the same. */
const diceOf = (random: { Number: () => number }): Dice => ({ number: () => random.Number() });

/** A trailing `{ why }` on a move's arguments is a bot's explanation, logged but not part of the move. */
export function splitWhy(args: unknown[]): { args: unknown[]; why?: string } {
  const last = args[args.length - 1];
  if (
    last &&
    typeof last === 'object' &&
    !Array.isArray(last) &&
    Object.keys(last).length === 1 &&
    typeof (last as { why?: unknown }).why === 'string'
  )
    return { args: args.slice(0, -1), why: (last as { why: string }).why.slice(0, 200) };
  return { args };
}

/** The seat `playerID` acts as now, if it holds that role. */
export function seatFor(G: GameState, playerID: string | null | undefined) {
  const seat = actingSeat(G);
  return seat && rolesOf(G, playerID).includes(seat) ? seat : null;
}

/** A White Cell power: only a player holding the White Cell role may use it (docs/ARCHITECTURE.md, boardgame.io facts: every sender is checked). */
function makeWhiteMove(name: WhiteMoveName): Move<GameState> {
  return {
    move: ({ G, playerID, random }, ...args: unknown[]) => {
      try {
        if (!rolesOf(G, playerID).includes('white')) return INVALID_MOVE;
        return applyAction(G, 'white', { move: name, args }, diceOf(random)) ? undefined : INVALID_MOVE;
      } catch {
        return INVALID_MOVE;
      }
    },
    client: false,
  };
}

function makeMove(name: MoveName): Move<GameState> {
  return {
    move: ({ G, playerID, random }, ...raw: unknown[]) => {
      try {
        const seat = seatFor(G, playerID);
        if (!seat) return INVALID_MOVE;
        const { args, why } = splitWhy(raw);
        return applyAction(G, seat, { move: name, args }, diceOf(random), why) ? undefined : INVALID_MOVE;
      } catch {
        // A move must never throw: the server runs it on strangers' input.
        return INVALID_MOVE;
      }
    },
    // Moves are ordinary actions; nothing is client-only.
    client: false,
  };
}

export const EastAsiaTomorrow: Game<GameState, Record<string, unknown>, SetupData> = {
  name: GAME_NAME,
  minPlayers: 2,
  maxPlayers: 5,
  setup: ({ ctx, random }, setupData) => {
    const variant = (setupData?.variant ??
      ((VARIANTS as readonly number[]).includes(ctx.numPlayers) ? ctx.numPlayers : 4)) as Variant;
    const scenario = scenarioById(setupData?.scenario ?? DEFAULT_SCENARIO);
    if (!scenario) throw new Error(`Unknown scenario: ${String(setupData?.scenario)}`);
    return setupState(
      scenario,
      { variant, whiteCell: setupData?.whiteCell ?? false, handicap: setupData?.handicap ?? {} },
      diceOf(random),
    );
  },
  validateSetupData: (data, numPlayers) => {
    if (!data) return undefined;
    if (!scenarioById(data.scenario)) return `Unknown scenario "${String(data.scenario)}"`;
    if (!(VARIANTS as readonly unknown[]).includes(data.variant)) return `Seat variant must be 2, 3 or 4`;
    const expected = data.variant + (data.whiteCell ? 1 : 0);
    if (numPlayers !== expected)
      return `Variant ${data.variant}${data.whiteCell ? ' with a White Cell' : ''} needs ${expected} players, not ${numPlayers}`;
    return undefined;
  },
  turn: { activePlayers: ActivePlayers.ALL },
  moves: {
    ...Object.fromEntries(MOVES.map((m) => [m, makeMove(m)])),
    ...Object.fromEntries(WHITE_MOVES.map((m) => [m, makeWhiteMove(m)])),
  },
  endIf: ({ G }) => G.result ?? undefined,
  playerView: ({ G, playerID }) => playerView(G, playerID),
  // Events are driven by the rules, never by players (boardgame.io 0.50 runs a client's events even when disabled: docs/ARCHITECTURE.md).
  events: {
    endGame: false,
    endPhase: false,
    setPhase: false,
    endTurn: false,
    setActivePlayers: false,
    endStage: false,
    setStage: false,
    pass: false,
  },
  ai: {
    enumerate: (G, _ctx, playerID) => {
      const seat = seatFor(G, playerID);
      return seat ? legalMoves(G, seat).map((a) => ({ move: a.move, args: a.args })) : [];
    },
  },
  disableUndo: true,
};
