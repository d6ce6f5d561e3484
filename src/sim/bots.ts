/** Turns `--bots` specs into bot functions (and the setup bonuses their difficulty brings). */
import { SEATS, type Seat } from '../content/ids';
import { chooseAction, handicapFor, hasBonus } from '../ai';
import { formatBotSpec, type BotSpec } from '../content/bot-spec';
import type { Bot } from './headless';
import type { SetupInput } from './rules-port';

export interface SeatBots {
  bots: Record<Seat, Bot>;
  labels: Record<Seat, string>;
  handicap?: SetupInput['handicap'];
}

/** Builds every seat's bot (src/content/bot-spec.ts: a level means its setup bonus for every kind). */
export function resolveBots(specs: Record<Seat, BotSpec>): SeatBots {
  const bots = {} as Record<Seat, Bot>;
  const labels = {} as Record<Seat, string>;
  const handicap: NonNullable<SetupInput['handicap']> = {};
  for (const seat of SEATS) {
    const spec = specs[seat];
    bots[seat] = (view, s, rng) => chooseAction(view, s, spec, rng);
    labels[seat] = formatBotSpec(spec);
    const h = handicapFor(spec);
    if (hasBonus(h)) handicap[seat] = h;
  }
  return Object.keys(handicap).length > 0 ? { bots, labels, handicap } : { bots, labels };
}
