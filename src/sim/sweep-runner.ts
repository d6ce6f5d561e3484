/** One sweep game from a seed: the same function in the main thread and in every worker. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Seat, Variant } from '../content/ids';
import type { BotSpec } from '../content/bot-spec';
import { resolveBots } from './bots';
import { branchPosition, branchRules, type BranchFrom } from './branch';
import { playGame } from './headless';
import { realRules, scenarioRules } from './real-rules';
import { patchPosition, patchScenario, type ScenarioPatch } from './vary';
import type { GameRecord } from './record';

export interface RunnerConfig {
  scenario: string;
  variant: Variant;
  bots: Record<Seat, BotSpec>;
  /** Directory for saved-game files, or undefined to keep none. */
  saveDir: string | undefined;
  /** Branch sweep: play forward from this saved game's turn instead of from setup (branch.ts). */
  from?: BranchFrom;
  /** Assumption sweep: this cell's changes to the scenario or the saved position (vary.ts). */
  patch?: ScenarioPatch;
}

/** File name of a sweep game's save: index for order, seed for humans. */
export function saveFileName(index: number, seed: string): string {
  return `${String(index).padStart(5, '0')}-${seed.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`;
}

export function createGameRunner(config: RunnerConfig): (seed: string, index: number) => GameRecord {
  const { bots, labels, handicap } = resolveBots(config.bots);
  if (config.saveDir) mkdirSync(config.saveDir, { recursive: true });
  const rules = config.from
    ? branchRules(patchPosition(branchPosition(config.from).position, config.patch ?? {}))
    : config.patch
      ? scenarioRules(patchScenario(config.scenario, config.patch))
      : realRules;
  return (seed, index) => {
    const played = playGame(rules, {
      scenario: config.scenario,
      variant: config.variant,
      seed,
      bots,
      botLabels: labels,
      ...(handicap ? { handicap } : {}),
    });
    if (config.saveDir)
      writeFileSync(join(config.saveDir, saveFileName(index, seed)), `${JSON.stringify(played.save, null, 2)}\n`);
    return played.record;
  };
}
