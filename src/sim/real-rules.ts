/** The real rules and Game wired into the sim's seams (headless play, engine replay, scenario ids). */
import { SCENARIOS, scenarioById } from '../content/scenario';
import type { Scenario } from '../content/schemas';
import type { Dice } from '../random';
import { applyAction, EastAsiaTomorrow, actingSeat, legalMoves, setupState, playerView, playerOf } from '../rules';
import type { EngineGame } from './engine-replay';
import type { RulesPort, SetupInput } from './rules-port';

export const realRules: RulesPort = {
  setup: (input, dice) => {
    const scenario = scenarioById(input.scenario);
    if (!scenario) throw new Error(`unknown scenario "${input.scenario}" (known: ${scenarioIds().join(', ')})`);
    return setupFrom(scenario, input, dice);
  },
  actingSeat,
  legalMoves,
  applyAction: (G, seat, action, dice, why) => applyAction(G, seat, action, dice, why),
  view: (G, seat) => playerView(G, playerOf(G, seat)),
};

function setupFrom(scenario: Scenario, input: SetupInput, dice: Dice) {
  return setupState(
    scenario,
    { variant: input.variant, whiteCell: input.whiteCell ?? false, handicap: input.handicap ?? {} },
    dice,
  );
}

/** The real rules set up from a given scenario (an assumption sweep's varied copy) whatever id is asked. */
export function scenarioRules(scenario: Scenario): RulesPort {
  return { ...realRules, setup: (input, dice) => setupFrom(scenario, input, dice) };
}

/** Ids of the shipped scenarios, for flag checks and messages. */
export function scenarioIds(): string[] {
  return SCENARIOS.map((s) => s.id);
}

/** The boardgame.io Game, typed for the engine replay. */
export function engineGame(): EngineGame {
  return EastAsiaTomorrow as EngineGame;
}
