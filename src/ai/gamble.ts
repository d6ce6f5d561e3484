/**
 * The last throw: on the final turn a seat far enough behind has nothing left to lose by a war it is
 * charged with, so it takes a move whose bad roll would push tension to 10 (a FONOP's incident at sea)
 * for the chance its good roll changes the result. Parking near 10 is a gamble for
 * everyone at the table: a trailing seat may throw the dice.
 */
import type { MoveName } from '../content/ids';
import { MOVE_NUMBERS } from '../content/move-numbers';
import { SEAT_NAMES } from '../content/seats';
import { fonopIsTransit, margins, named, type Action } from '../rules';
import type { BotCtx, Step } from './flowchart';
import { worstTension } from './read';
import { TUNING } from './tuning';

/** The part of a move's tension that only a bad roll adds (worstTension minus this is certain). */
const BY_CHANCE: Partial<Record<MoveName, number>> = { freedomOfNavigation: 2 };

/** How far `c.seat` trails the leading seat's margin (0 when it leads). */
const behind = (c: BotCtx) => {
  const m = margins(c.view);
  return Math.max(...Object.values(m)) - m[c.seat];
};

/** The seat plays for the last throw: the final turn, the 4-seat game, behind but within one good roll's reach. */
export const gambling = (c: BotCtx): boolean => {
  if (c.team || c.view.turn < c.view.lastTurn) return false;
  const gap = behind(c);
  return gap >= TUNING.gamble.behind[0] && gap <= TUNING.gamble.behind[1];
};

/** The chance of the bad roll: a FONOP's incident (a defied quarantine is a climb-down, not a war). */
const BAD_ROLL = MOVE_NUMBERS.freedomOfNavigation.incidentFace / 6;

/**
 * A bad roll would bring war, a good one would not (tension now + the certain part stays below 10), and
 * the bad roll is not the likelier one.
 */
function isLiveGamble(a: Action, c: BotCtx): boolean {
  // Japan's FONOP is a transit: nothing in it is left to chance.
  const chance = a.move === 'freedomOfNavigation' && fonopIsTransit(c.seat) ? 0 : (BY_CHANCE[a.move as MoveName] ?? 0);
  const worst = worstTension(c.view, c.seat, a);
  return (
    chance > 0 &&
    c.view.tracks.tension + worst >= 10 &&
    c.view.tracks.tension + worst - chance < 10 &&
    BAD_ROLL <= TUNING.gamble.worstOdds
  );
}

/** Runs first, with the war guard lifted (the flowchart's ceiling does not apply to a gamble). */
export const GAMBLE_STEP: Step = {
  id: 'gamble',
  when: gambling,
  moves: Object.keys(BY_CHANCE) as MoveName[],
  only: isLiveGamble,
  why: (c, a) =>
    `${SEAT_NAMES[c.seat]} trails by ${behind(c)} on the last turn: it risks a FONOP incident in the ${named(a.args[0])} that would mean war`,
};
