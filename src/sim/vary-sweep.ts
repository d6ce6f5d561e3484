/** Runs an assumption sweep: every cell of vary.ts as an ordinary sweep on the same seed list. */
import type { Seat, Variant } from '../content/ids';
import type { BotSpec } from '../content/bot-spec';
import { branchPosition, type BranchFrom } from './branch';
import { runSweep } from './sweep';
import {
  applyAssignment,
  cells,
  patchPosition,
  patchScenario,
  sensitivity,
  type CellResult,
  type Sensitivity,
  type VaryParam,
} from './vary';

export interface VarySweepOptions {
  scenario: string;
  variant: Variant;
  seed: string;
  games: number;
  bots: Record<Seat, BotSpec>;
  params: VaryParam[];
  grid: boolean;
  workers?: number;
  from?: BranchFrom;
  /** Progress over all cells: games done of the whole sweep. */
  onProgress?: (done: number, total: number) => void;
}

export async function runVarySweep(opts: VarySweepOptions): Promise<{ sensitivity: Sensitivity; cells: CellResult[] }> {
  const assignments = cells(opts.params, opts.grid);
  // Build every cell's scenario first: a bad value fails at once, not after an hour of sweeping.
  const plans = assignments.map((assignment) => ({
    assignment,
    ...applyAssignment(opts.params, assignment, opts.bots),
  }));
  const position = opts.from ? branchPosition(opts.from).position : undefined;
  for (const plan of plans)
    if (position) patchPosition(position, plan.patch);
    else patchScenario(opts.scenario, plan.patch);
  const total = plans.length * opts.games;
  const results: CellResult[] = [];
  for (const [i, plan] of plans.entries()) {
    const { summary } = await runSweep({
      scenario: opts.scenario,
      variant: opts.variant,
      seed: opts.seed,
      games: opts.games,
      bots: plan.bots,
      ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
      ...(opts.from ? { from: opts.from } : {}),
      patch: plan.patch,
      onProgress: (done) => opts.onProgress?.(i * opts.games + done, total),
    });
    results.push({ assignment: plan.assignment, summary });
  }
  return {
    cells: results,
    sensitivity: sensitivity(
      {
        scenario: opts.scenario,
        variant: opts.variant,
        seed: opts.seed,
        games: opts.games,
        grid: opts.grid,
        bots: opts.bots,
        ...(opts.from ? { from: { turn: opts.from.turn } } : {}),
      },
      opts.params,
      results,
    ),
  };
}
