/**
 * Branch and compare (issue 6 item 5): take a saved game to the start of one of its turns, play that
 * position forward many times with bots in every seat and per-game seeds derived from the lab seed,
 * and compare the outcome distribution with what happened in the game as played.
 */
import type { Seat } from '../content/ids';
import { margins, readPendingByTable, ReplayError, replaySaved, type GameState } from '../rules';
import { readFileSync } from 'node:fs';
import { createDice, SEEDS } from '../random';
import { realRules } from './real-rules';
import type { RulesPort } from './rules-port';
import { parseSaveFile, SaveFileError, type SaveFile } from '../content/save-file';
import type { GameRecord } from './record';
import { scoringSeats, type SweepSummary } from './stats';

/** Where a branch sweep starts: a saved game and a turn of it. */
export interface BranchFrom {
  save: SaveFile;
  turn: number;
}

export class BranchError extends Error {}

/** What happened in the game as played. */
export interface PlayedOutcome {
  winner: Seat | null;
  ending: string | null;
  margins: Record<Seat, number>;
  turns: number;
}

/**
 * The state at the start of `turn` in the line of play the save ends on (after a White Cell rewind,
 * the turn as it was played again). Turn 1 is the state after setup.
 */
export function branchPosition(from: BranchFrom): { position: GameState; atAction: number; played: PlayedOutcome } {
  const { save, turn } = from;
  let position: GameState | null = null;
  let atAction = 0;
  let prevTurn = 0;
  const { G } = replaySaved(save, createDice(save.seed), {
    before: (g, i) => {
      if (i === 0 && g.turn === turn) position = structuredClone(g);
      prevTurn = g.turn;
    },
    after: (g, i, a) => {
      // Entered `turn` from another turn (forward, or back by a White Cell rewind): the latest entry wins.
      const rewound = a.move === 'whiteRewind' || a.move === 'whiteReopenBranch';
      if (g.turn === turn && !g.result && (prevTurn !== turn || rewound)) {
        position = structuredClone(g);
        atAction = i + 1;
      }
    },
  });
  if (save.actions.length === 0 && G.turn === turn) position = structuredClone(G);
  if (!position)
    throw new BranchError(
      `the saved game never starts turn ${turn} (it ${G.result ? `ended on turn ${G.result.turn}` : `stops on turn ${G.turn}`})`,
    );
  const played: PlayedOutcome = {
    winner: G.result?.winner ?? null,
    ending: G.result?.ending ?? null,
    margins: { ...(G.result?.margins ?? margins(G)) },
    turns: G.result?.turn ?? G.turn,
  };
  return { position: untended(position), atAction, played };
}

/** Bots play the branch without an umpire: no pause, no approvals, rigid adjudication, no fixed rolls. */
function untended(G: GameState): GameState {
  if (G.white) {
    G.white.paused = false;
    G.white.requireApproval = false;
    G.white.adjudication = 'rigid';
    G.white.forcedRolls = [];
  }
  return G;
}

/** The real rules, with "setup" returning a fresh copy of the branch position (its dice untouched). */
export function branchRules(position: GameState): RulesPort {
  return {
    ...realRules,
    setup: (_input, dice) => {
      const G = structuredClone(position);
      // Nobody sits in the White Cell's chair: the table's die reads injects open to interpretation,
      // the one the position is waiting on included (from this game's dice, so the branches differ).
      if (G.white) G.white.tableReadings = true;
      readPendingByTable(G, dice);
      return G;
    },
  };
}

/** One seat's branch numbers next to the game as played. */
export interface BranchSeat {
  played: number;
  meanMargin: number;
  winRate: number;
  ci95: [number, number];
  /** Share of branch games where the seat's margin is at least the played one. */
  atOrAbovePlayed: number;
}

export interface BranchComparison {
  turn: number;
  game: { scenario: string; variant: number; seed: string };
  played: PlayedOutcome;
  games: number;
  seats: Partial<Record<Seat, BranchSeat>>;
  playedWinnerWinRate: number | null;
  warRate: number;
}

/** How the sweep's outcomes differ from the game as played: numbers (branch.json) and words (terminal). */
export function branchComparison(
  summary: SweepSummary,
  records: readonly GameRecord[],
  branch: BranchArgs,
): { json: BranchComparison; text: string } {
  const { played, from } = branch;
  const seats: Partial<Record<Seat, BranchSeat>> = {};
  for (const seat of scoringSeats(summary.variant)) {
    const st = summary.seats[seat]!;
    const atOrAbove =
      records.filter((r) => r.margins[seat] >= played.margins[seat]).length / Math.max(1, records.length);
    seats[seat] = {
      played: played.margins[seat],
      meanMargin: st.meanMargin,
      winRate: st.winRate,
      ci95: st.ci95,
      atOrAbovePlayed: atOrAbove,
    };
  }
  const json: BranchComparison = {
    turn: from.turn,
    game: { scenario: from.save.scenario, variant: from.save.variant, seed: from.save.seed },
    played,
    games: summary.games,
    seats,
    playedWinnerWinRate: played.winner ? (summary.seats[played.winner]?.winRate ?? null) : null,
    warRate: summary.warRate,
  };
  const name = (s: Seat) => (summary.variant === 2 && s === 'nato' ? 'west' : s);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    '',
    `branch: ${summary.games} games from the start of turn ${from.turn} of the saved game (seed ${from.save.seed}), bots in every seat`,
    `as played: ${played.winner ? `${name(played.winner)} won` : 'no winner'}${played.ending ? ` (${played.ending}, turn ${played.turns})` : ` (the save stops on turn ${played.turns})`}`,
    '',
    'seat     as played  branch mean margin  branch win rate [95% CI]   branches at or above the played margin',
  ];
  for (const [seat, b] of Object.entries(seats) as [Seat, BranchSeat][])
    lines.push(
      `${name(seat).padEnd(7)}${played.winner === seat ? '*' : ' '} ${signed(b.played).padStart(8)}  ${signed2(b.meanMargin).padStart(18)}  ${pct(b.winRate).padStart(6)} [${pct(b.ci95[0])}, ${pct(b.ci95[1])}]   ${pct(b.atOrAbovePlayed).padStart(6)}`,
    );
  if (played.winner && json.playedWinnerWinRate !== null) {
    const w = json.playedWinnerWinRate;
    const verdict =
      w >= 0.5
        ? 'the likely result from here'
        : w >= 0.2
          ? 'one plausible result from here'
          : 'against the odds from here';
    lines.push('', `the played winner (${name(played.winner)}) wins ${pct(w)} of the branches: ${verdict}`);
  }
  lines.push(
    `war in ${pct(summary.warRate)} of the branches${played.ending === 'war' ? ' (the game as played ended in war)' : ''}`,
  );
  return { json, text: lines.join('\n') };
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const signed2 = (n: number) => (n > 0 ? `+${n.toFixed(2)}` : n.toFixed(2));

/** `--from FILE --turn N`: the saved game, the turn, what happened, and the lab seed to use by default. */
export interface BranchArgs {
  from: BranchFrom;
  played: PlayedOutcome;
  /** Default lab seed when --seed is not given: derived from the game's seed and the turn. */
  seed: string;
}

/** Reads and checks `--from`/`--turn`; every problem is a BranchError naming the file or flag. */
export function loadBranch(file: string, turnText: string | undefined): BranchArgs {
  if (turnText === undefined) throw new BranchError('--from needs --turn N (the turn to branch from)');
  if (!/^[1-9][0-9]*$/.test(turnText)) throw new BranchError(`--turn must be a positive integer, got "${turnText}"`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new BranchError(
      code === 'ENOENT'
        ? `--from ${file}: no such file`
        : `--from ${file}: cannot read it (${code ?? (err as Error).message})`,
    );
  }
  let save: SaveFile;
  try {
    save = parseSaveFile(text, file);
  } catch (err) {
    if (err instanceof SaveFileError) throw new BranchError(err.message);
    throw err;
  }
  const from = { save, turn: Number(turnText) };
  try {
    const { played } = branchPosition(from);
    return { from, played, seed: SEEDS.branch(save.seed, from.turn) };
  } catch (err) {
    if (err instanceof BranchError || err instanceof ReplayError)
      throw new BranchError(`--from ${file}: ${err.message}`);
    throw err;
  }
}
