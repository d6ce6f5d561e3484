/** Apply one action to the state: check it against the legal list, pay, resolve, log, open reactions, advance. */
import type { MoveName, Role, Seat } from '../content/ids';
import { MOVE_CATALOGUE, moveCost } from '../content/moves';
import { resolution } from './context';
import { applyEffects } from './effects';
import type { Dice } from './dice';
import { log, logResolution } from './log';
import { advance } from './turn-order';
import { settleWar } from './victory';
import { named, SEAT_NAMES } from './labels';
import { isLegal } from './legal-moves';
import { HIDDEN_MOVES, RULES } from './moves';
import { plainText } from './reason';
import type { Action, AnyAction, GameState } from './state';
import {
  awaitingWhiteCell,
  isWhiteMove,
  needsApproval,
  parseWhiteArgs,
  settleAndGoOn,
  whiteLineVisibleTo,
  WHITE_RULES,
} from './white-cell';

export { actingSeat, legalMoves } from './legal-moves';

/** Words for a move's arguments in the log (`east-china-sea` → `east-china-sea`, numbers as options). */
function argText(args: unknown[]): string {
  // A matrix argument is an object: its stated action is what the log should say.
  const word = (a: unknown) =>
    a && typeof a === 'object' && 'action' in a ? `“${plainText(String(a.action), 1000)}”` : named(a);
  return args.length ? ` (${args.map(word).join(', ')})` : '';
}

/**
 * Apply `action` for `role` (a seat, or the White Cell) if it is legal; mutates `G` and returns true,
 * or returns false and leaves `G` untouched. Never throws on any input.
 */
export function applyAction(G: GameState, role: Role, action: AnyAction, dice: Dice, why?: string): boolean {
  if (role === 'white') return applyWhiteAction(G, action, dice);
  return applySeatAction(G, role, action as Action, dice, { approved: false }, why);
}

/**
 * A White Cell power from its table (white-cell.ts `WHITE_RULES`): parse, check the predicate, log
 * and change, then apply an approved seat action or let the game run on. False, with no change, when
 * the arguments are malformed or the power cannot be used now.
 */
function applyWhiteAction(G: GameState, action: AnyAction, dice: Dice): boolean {
  const W = G.white;
  if (!W || !isWhiteMove(action?.move)) return false;
  const parsed = parseWhiteArgs(action.move, action.args);
  if (!parsed.ok) return false;
  const args = parsed.args;
  const rule = WHITE_RULES[action.move];
  if ((G.result && !rule.afterEnd) || (rule.allowed && !rule.allowed(G, W, args))) return false;
  const why = args[args.length - 1] as string;
  const visibleTo = whiteLineVisibleTo(G, action.move);
  const say = (text: string) =>
    log(G, {
      seat: 'white',
      kind: 'white',
      text: `White Cell — ${text}`,
      reason: why,
      ...(visibleTo ? { visibleTo } : {}),
    });
  const r = resolution(G, null, dice);
  const approved = rule.play({ G, W, r, why, say }, args);
  if (approved) applySeatAction(G, approved.seat, approved.action, dice, { approved: true });
  if (rule.runsOn) settleAndGoOn(r);
  return true;
}

function applySeatAction(
  G: GameState,
  seat: Seat,
  action: Action,
  dice: Dice,
  opts: { approved: boolean },
  why?: string,
): boolean {
  const { move, args } = (action ?? {}) as Partial<Action>;
  if (!opts.approved && awaitingWhiteCell(G)) return false;
  if (!isLegal(G, seat, move, args)) return false;
  const name = move as MoveName;
  if (!opts.approved && needsApproval(G, { move: name, args })) {
    G.pending = { kind: 'approval', seat, action: { move: name, args } };
    log(G, {
      seat,
      kind: 'move',
      text: `${SEAT_NAMES[seat]} asks the White Cell to approve ${MOVE_CATALOGUE[name].name}`,
      ...(HIDDEN_MOVES.has(name) ? { visibleTo: ['china', 'white'] } : {}),
    });
    return true;
  }
  const info = MOVE_CATALOGUE[name];
  const r = resolution(G, seat, dice);
  G.ap[seat] -= moveCost(name, args);
  const cancel = RULES[name].play(r, seat, args);
  // The reason goes in brackets, made plain: view.ts splits it out again and decides who reads it.
  const head = `${SEAT_NAMES[seat]} — ${info.name}${argText(args)}${why ? ` [${plainText(why)}]` : ''}`;
  logResolution(r, 'move', head, HIDDEN_MOVES.has(name) ? { visibleTo: ['china', 'white'] } : {});
  const then = RULES[name].after?.(G) ?? [];
  if (cancel && cancel.length && seat !== 'china' && !G.result && !G.pending) {
    G.pending = {
      kind: 'lambaste',
      seat: 'china',
      trigger: { seat, move: name, summary: `${SEAT_NAMES[seat]}'s ${info.name}` },
      cancel,
      free: RULES[name].freeLambaste?.(G, args) ?? false,
      ...(then.length ? { then } : {}),
    };
  } else if (then.length && !G.result && !G.pending) {
    applyEffects(r, then, info.name);
    logResolution(r, 'move', `${SEAT_NAMES[seat]} — ${info.name}, continued`);
  }
  settleWar(r);
  if (!G.result && !awaitingWhiteCell(G)) {
    r.seat = null;
    advance(r);
    settleWar(r);
  }
  return true;
}
