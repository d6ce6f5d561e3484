/**
 * The seat's own secret national priority: late in the game, when it is not yet met, the flowchart
 * works toward it. Only the bot's own priority is read (other seats' are hidden from it).
 */
import type { MoveName } from '../content/ids';
import { priorityById } from '../content/priorities';
import type { Condition } from '../content/schemas';
import { isConditionMet, type Action } from '../rules';
import type { BotCtx, Step } from './flowchart';
import { westernUnitIn } from './read';
import { TUNING } from './tuning';

/** The moves that work toward a condition, and which of their targets count. */
function movesFor(cond: Condition): { moves: MoveName[]; target?: (a: Action, c: BotCtx) => boolean } | null {
  switch (cond.op) {
    case 'trackAtLeast':
      if (cond.track === 'ukraine') return { moves: ['shipShells'] };
      if (cond.track === 'cohesion')
        return { moves: ['summit', 'leaderVisit'], target: (a) => a.move !== 'leaderVisit' || a.args[0] === 'kyiv' };
      if (cond.track === 'internationalization') return { moves: ['summit', 'transit', 'freedomOfNavigation'] };
      if (cond.track === 'exports') return { moves: ['exportDefence'] };
      return null;
    case 'trackAtMost':
      if (cond.track === 'dprkThreat') return { moves: ['holdNonproliferationConference'] };
      return null;
    case 'portsControlledAtLeast':
      return { moves: ['investInPort'] };
    case 'faitAccompliAtLeast':
      return { moves: ['pressGrayZone'], target: (a, c) => !westernUnitIn(c.view, a.args[0] as string) };
    case 'partnershipAtLeast':
      return { moves: ['upgradePartnership'], target: (a) => a.args[0] === cond.partner };
    case 'deterrenceAtLeast':
      if (cond.theater === 'taiwan-ecs')
        return { moves: ['buildUpDefence'], target: (a) => a.args[0] === 'east-china-sea' };
      if (cond.theater === 'korea') return { moves: ['upgradePartnership'], target: (a) => a.args[0] === 'korea' };
      return null;
    case 'unitsInTheaterAtLeast':
      return {
        moves: ['buildUpDefence', 'deployCarrierGroup'],
        target: (a) => a.args[a.move === 'deployCarrierGroup' ? 1 : 0] === 'east-china-sea',
      };
  }
}

const PRIORITY_MOVES: MoveName[] = [
  'shipShells',
  'summit',
  'leaderVisit',
  'transit',
  'freedomOfNavigation',
  'exportDefence',
  'holdNonproliferationConference',
  'investInPort',
  'pressGrayZone',
  'upgradePartnership',
  'buildUpDefence',
  'deployCarrierGroup',
];

/** A step that works toward the seat's own unmet priority in the last turns of the game. */
export const PRIORITY_STEP: Step = {
  id: 'priority',
  when: (c) => {
    const p = priorityById(c.view.priority[c.seat]);
    if (!p || c.view.turn < c.view.lastTurn - TUNING.priorityTurns + 1 || isConditionMet(c.view, p.condition))
      return false;
    return movesFor(p.condition) !== null;
  },
  moves: PRIORITY_MOVES,
  // Only the moves (and targets) that serve the priority; the step is skipped if none is legal.
  only: (a, c) => {
    const plan = movesFor(priorityById(c.view.priority[c.seat])!.condition)!;
    return plan.moves.includes(a.move as MoveName) && (!plan.target || plan.target(a, c));
  },
  why: (c) => `Our national priority “${priorityById(c.view.priority[c.seat])!.title}” is not met yet`,
};
