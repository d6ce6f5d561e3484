/**
 * Headless play: one complete game from a scenario, a seat variant, a seed and a bot per seat, using
 * the pure rules (no boardgame.io), producing the saved-game file and a summary for the sweep.
 * The game's dice are one alea stream seeded with the game seed, as boardgame.io's random plugin is,
 * so the saved game replays to the same final state through the real engine (see replay.ts).
 */
import { SEATS, TRACK_IDS, type MoveName, type Seat, type Track, type Variant } from '../content/ids';
import { MOVE_CATALOGUE, moveCost } from '../content/moves';
import { bySeat, playerOf, type Action, type GameState } from '../rules';
import { botStream, createDice } from '../random';
import { endState, firedSpecials } from './measures';
import type { GameRecord } from './record';
import { buildSave, type SaveAction, type SaveFile } from '../content/save-file';
import type { RulesPort, SetupInput } from './rules-port';

/** What a bot returns: the move and a one-line reason. */
export interface BotDecision {
  action: Action;
  why: string;
}

/** A bot decides from its seat's view only, with its own random stream (never the game's dice). */
export type Bot = (view: GameState, seat: Seat, rng: () => number) => BotDecision;

export interface GameJob extends SetupInput {
  seed: string;
  bots: Record<Seat, Bot>;
  /** Labels written into the save file, e.g. `{ china: 'scripted:3' }`. */
  botLabels?: Partial<Record<Seat, string>>;
  /** A game taking more actions than this is a rules bug: stop with an error naming the seed. */
  maxActions?: number;
}

export interface PlayedGame {
  record: GameRecord;
  save: SaveFile;
  final: GameState;
}

export class HeadlessError extends Error {}

const DEFAULT_MAX_ACTIONS = 5000;
/** boardgame.io's Game truncates a move's trailing `{ why }` to this many characters. */
export const MAX_WHY = 200;

/** Plays one game to its end. Throws HeadlessError (naming seed, action index and seat) on a bot's illegal move or a stuck game. */
export function playGame(rules: RulesPort, job: GameJob): PlayedGame {
  const dice = createDice(job.seed);
  const setup: SetupInput = { scenario: job.scenario, variant: job.variant };
  if (job.whiteCell !== undefined) setup.whiteCell = job.whiteCell;
  if (job.handicap !== undefined) setup.handicap = job.handicap;
  const G = rules.setup(setup, dice);
  const rngs = {} as Record<Seat, () => number>;
  for (const s of SEATS) rngs[s] = botStream(job.seed, s);
  const maxActions = job.maxActions ?? DEFAULT_MAX_ACTIONS;
  const where = (i: number) => `seed "${job.seed}" (${job.scenario}, ${job.variant} seats), action #${i}`;

  const actions: SaveAction[] = [];
  const apByMove: Partial<Record<MoveName, number>> = {};
  const apBySeat = bySeat((): Partial<Record<MoveName, number>> => ({}));
  const tracks: Record<Track, number>[] = [snapshot(G)];
  let turn = G.turn;

  while (!G.result) {
    const i = actions.length;
    if (i >= maxActions) throw new HeadlessError(`${where(i)}: game still running after ${maxActions} actions`);
    const seat = rules.actingSeat(G);
    if (seat === null) throw new HeadlessError(`${where(i)}: no seat may act but the game has no result`);
    const decision = job.bots[seat](rules.view(G, seat), seat, rngs[seat]);
    const action = decision.action;
    const why = decision.why.slice(0, MAX_WHY); // the Game keeps only this much of a move's reason
    const before = { ap: G.ap[seat], turn: G.turn, round: G.round };
    const player = playerOf(G, seat);
    if (player === null)
      throw new HeadlessError(`${where(i)}: no player holds seat ${seat} (players: ${JSON.stringify(G.players)})`);
    if (!rules.applyAction(G, seat, action, dice, why)) {
      throw new HeadlessError(
        `${where(i)}: the ${seat} bot chose an illegal action ${JSON.stringify(action)} (why: ${why})`,
      );
    }
    actions.push({ player, seat, move: action.move, args: action.args, why });
    // A seat's legal action is always a seat move (the White Cell's moves belong to the 'white' role).
    const move = action.move as MoveName;
    // AP actually paid (handicaps included) when the round did not roll over, else the catalogue cost.
    const spent =
      G.turn === before.turn && G.round === before.round && G.ap[seat] <= before.ap
        ? before.ap - G.ap[seat]
        : MOVE_CATALOGUE[move]
          ? moveCost(move, action.args)
          : 0;
    if (spent > 0) {
      apByMove[move] = (apByMove[move] ?? 0) + spent;
      apBySeat[seat][move] = (apBySeat[seat][move] ?? 0) + spent;
    }
    if (G.turn !== turn && !G.result) {
      turn = G.turn;
      tracks.push(snapshot(G));
    }
  }
  tracks.push(snapshot(G));

  const result = G.result;
  const save = buildSave(
    {
      scenario: job.scenario,
      variant: job.variant,
      seed: job.seed,
      whiteCell: job.whiteCell,
      handicap: job.handicap,
      bots: job.botLabels,
      actions,
    },
    G,
  );
  const finalHash = save.finalHash!;
  const record: GameRecord = {
    seed: job.seed,
    scenario: job.scenario,
    variant: job.variant,
    winner: result.winner,
    ending: result.ending,
    culprit: result.culprit,
    cause: result.cause,
    margins: { ...result.margins },
    turns: result.turn,
    actions: actions.length,
    apByMove,
    apBySeat,
    tensionAdded: { ...G.tensionAdded },
    tensionByTurn: G.tensionByTurn.map((t) => ({ ...t })),
    fired: firedSpecials(G),
    endState: endState(G),
    tracks,
    finalHash,
  };
  return { record, save, final: G };
}

function snapshot(G: GameState): Record<Track, number> {
  const out = {} as Record<Track, number>;
  for (const t of TRACK_IDS) out[t] = G.tracks[t];
  return out;
}

/** Number of boardgame.io players in a seat variant. */
export function numPlayers(variant: Variant): number {
  return variant;
}
