/** Turns `--bots` specs into bot functions (and the setup bonuses their difficulty brings). */
import { SEATS, type Seat } from '../content/ids';
import { chooseAction, handicapFor, hasBonus, randomBot, type BotLevel } from '../ai';
import { formatBotSpec, type BotSpec } from './bot-spec';
import type { Bot } from './headless';
import type { SetupInput } from './rules-port';

export interface SeatBots {
  bots: Record<Seat, Bot>;
  labels: Record<Seat, string>;
  handicap?: SetupInput['handicap'];
}

/**
 * Builds every seat's bot. `scripted:N` is the flowchart at difficulty N; `expert:N` is the search
 * with level N's setup bonus (expert's own footing is level 3); `random` is the baseline, no bonus.
 */
export function resolveBots(specs: Record<Seat, BotSpec>): SeatBots {
  const bots = {} as Record<Seat, Bot>;
  const labels = {} as Record<Seat, string>;
  const handicap: NonNullable<SetupInput['handicap']> = {};
  for (const seat of SEATS) {
    const spec = specs[seat];
    bots[seat] = botFor(spec);
    labels[seat] = formatBotSpec(spec);
    const h = handicapFor(spec.kind === 'random' ? 'random' : (spec.level as BotLevel));
    if (hasBonus(h)) handicap[seat] = h;
  }
  return Object.keys(handicap).length > 0 ? { bots, labels, handicap } : { bots, labels };
}

function botFor(spec: BotSpec): Bot {
  switch (spec.kind) {
    case 'random':
      return randomBot;
    case 'scripted': {
      const level = spec.level as BotLevel;
      return (view, seat, rng) => chooseAction(view, seat, level, rng);
    }
    case 'expert':
      return (view, seat, rng) => chooseAction(view, seat, 'expert', rng);
  }
}
