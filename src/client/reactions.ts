/**
 * Reaction preferences: a person's standing order for the reactions the rules put to their seat (China's
 * Lambaste), so a hot-seat screen changes hands only for real decisions. Pure: the answer is computed
 * from the seat's own view with the rules' own scoring.
 */
import type { Seat } from '../content/ids';
import { applyAction, margins, summitVictoryPoints, type Action, type GameState } from '../rules';

export type ReactionPreference =
  | { mode: 'ask' }
  | { mode: 'decline' }
  /** Take free Lambastes, let the others pass. */
  | { mode: 'free' }
  /** Lambaste when it swings at least `atLeast` points toward the seat, else let it pass. */
  | { mode: 'gain'; atLeast: number };

export const ASK: ReactionPreference = { mode: 'ask' };

/** The choices a player is offered, in menu order, with their words. */
export const REACTION_CHOICES: { value: string; pref: ReactionPreference; label: string }[] = [
  { value: 'ask', pref: ASK, label: 'Always ask me' },
  { value: 'free', pref: { mode: 'free' }, label: 'Take free Lambastes, let the rest pass' },
  { value: 'gain:1', pref: { mode: 'gain', atLeast: 1 }, label: 'Lambaste when it swings 1 point or more' },
  { value: 'gain:2', pref: { mode: 'gain', atLeast: 2 }, label: 'Lambaste when it swings 2 points or more' },
  { value: 'decline', pref: { mode: 'decline' }, label: 'Never Lambaste: let every move pass' },
];

export const prefValue = (p: ReactionPreference): string => (p.mode === 'gain' ? `gain:${p.atLeast}` : p.mode);
export const prefFromValue = (v: string): ReactionPreference =>
  REACTION_CHOICES.find((c) => c.value === v)?.pref ?? ASK;

/**
 * Points a Lambaste swings toward China on this view: China's margin gained plus the mover's margin lost
 * (two-seat: victory points, summit swing included), against letting the move pass.
 */
export function lambasteGain(view: GameState, mover: Seat): number {
  const score = (G: GameState): number => {
    if (G.variant === 2) return -(G.tracks.vp + summitVictoryPoints(G));
    const m = margins(G);
    return m.china - m[mover];
  };
  const after = (move: 'lambaste' | 'declineLambaste'): number | null => {
    const copy = structuredClone({ ...view, log: [] });
    // A middling die: the cancelled point is certain, a roll it may trigger is averaged out.
    return applyAction(copy, 'china', { move, args: [] }, { number: () => 0.5 }) ? score(copy) : null;
  };
  const yes = after('lambaste');
  const no = after('declineLambaste');
  return yes === null || no === null ? 0 : yes - no;
}

/** The action a preference answers with for `seat` now, or null when the person must decide. */
export function autoReaction(
  view: GameState,
  seat: Seat,
  pref: ReactionPreference | undefined,
): { action: Action; why: string } | null {
  const p = view.pending;
  if (!pref || pref.mode === 'ask' || p?.kind !== 'lambaste' || p.seat !== seat) return null;
  const yes = { action: { move: 'lambaste' as const, args: [] }, why: 'reaction preference: Lambaste' };
  const no = { action: { move: 'declineLambaste' as const, args: [] }, why: 'reaction preference: let it pass' };
  if (pref.mode === 'decline') return no;
  if (pref.mode === 'free') return p.free ? yes : no;
  const gain = lambasteGain(view, p.trigger.seat);
  return gain >= pref.atLeast
    ? { ...yes, why: `reaction preference: Lambaste swings ${gain} (at least ${pref.atLeast})` }
    : { ...no, why: `reaction preference: Lambaste would swing ${gain} (less than ${pref.atLeast})` };
}
