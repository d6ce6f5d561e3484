/**
 * Pending decisions: China's Lambaste, a choice an inject puts to a seat, and NATO's Futures peek.
 * Choices are judged by trying each option on a copy of the view with the bot's own dice.
 */
import type { Effect } from '../content/effects';
import type { Seat } from '../content/ids';
import { injectById } from '../content/injects';
import { MOVE_NUMBERS } from '../content/move-numbers';
import { resolution, applyEffects, type Action, type GameState, type Pending } from '../rules';
import type { Decision } from './flowchart';
import { standing } from './read';

/** Samples per option when its effects roll dice. */
const SAMPLES_WITH_ROLLS = 6;

const hasRoll = (effects: readonly Effect[]): boolean =>
  effects.some((e) => e.op === 'roll' || (e.op === 'choice' && e.options.some((o) => hasRoll(o.effects))));

/**
 * The seat's standing after `effects` are applied to a copy of the view (averaged over rolls; `fast`,
 * inside the Expert's look-aheads, one roll: its many look-aheads average the dice).
 */
export function valueOfEffects(
  view: GameState,
  seat: Seat,
  effects: readonly Effect[],
  rng: () => number,
  fast = false,
): number {
  const samples = hasRoll(effects) && !fast ? SAMPLES_WITH_ROLLS : 1;
  let sum = 0;
  for (let i = 0; i < samples; i++) {
    // The log is the bulk of the state and plays no part in a standing: leave it out of the copy.
    const copy = structuredClone({ ...view, log: [] });
    copy.pending = null;
    copy.white = null;
    applyEffects(resolution(copy, null, { number: rng }), effects, 'bot estimate');
    sum += standing(copy, seat);
  }
  return sum / samples;
}

const fmt = (x: number) => `${x >= 0 ? '+' : ''}${Math.round(x * 10) / 10}`;

/** Index of the highest value; ties go to the earliest. */
function argmax(values: number[]): number {
  let bestI = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[bestI]!) bestI = i;
  return bestI;
}

type LambastePending = Extract<Pending, { kind: 'lambaste' }>;

/**
 * Lambaste when it is free, or the turn's first (only the second and later cost internationalization);
 * a later one only when what it cancels outweighs internationalization +1 (China margin −½).
 */
export function decideLambaste(
  view: GameState,
  p: LambastePending,
  legal: Action[],
  rng: () => number,
  fast = false,
): Decision {
  const yes = legal.find((a) => a.move === 'lambaste');
  const no = legal.find((a) => a.move === 'declineLambaste');
  if (!yes || !no) throw new Error('bot: Lambaste pending without its two moves');
  const what = p.trigger.summary;
  if (p.free) return { action: yes, why: `A free Lambaste: cancelling a point of ${what}` };
  // Statements lapse at upkeep: not worth the turn's first, cost-free Lambaste.
  if (view.lambastes < MOVE_NUMBERS.lambaste.free) {
    if (p.trigger.move === 'statement')
      return { action: no, why: `Saving the turn's first Lambaste: ${what} lapses at upkeep anyway` };
    return { action: yes, why: `The turn's first Lambaste costs nothing: cancelling a point of ${what}` };
  }
  // In search rollouts: the rule of thumb, without trying the effects.
  if (fast) return { action: no, why: `Letting ${what} pass` };
  const gain = valueOfEffects(view, 'china', p.cancel, rng) - valueOfEffects(view, 'china', [], rng);
  const penalty = MOVE_NUMBERS.lambaste.internationalization;
  const cost =
    valueOfEffects(view, 'china', [{ op: 'track', track: 'internationalization', delta: penalty }], rng) -
    valueOfEffects(view, 'china', [], rng);
  if (gain + cost > 0)
    return {
      action: yes,
      why: `Lambaste ${what}: cancelling it (${fmt(gain)}) outweighs internationalization +${penalty} (${fmt(cost)})`,
    };
  return { action: no, why: `Letting ${what} pass: another Lambaste this turn would internationalize the dispute` };
}

/** An inject's choice: the option that leaves the seat best placed. */
export function decideChoice(
  view: GameState,
  seat: Seat,
  p: Extract<Pending, { kind: 'choice' }>,
  legal: Action[],
  rng: () => number,
  fast = false,
): Decision {
  const values = p.options.map((o) => valueOfEffects(view, seat, o.effects, rng, fast));
  const i = argmax(values);
  const action = legal.find((a) => a.move === 'chooseOption' && a.args[0] === i) ?? legal[0]!;
  return {
    action,
    why: `${p.source}: “${p.options[i]!.label}” leaves us best placed (${fmt(values[i]! - Math.min(...values))} over the worst)`,
  };
}

/** Futures in the Indo-Pacific: put the inject that would hurt NATO most at the bottom of the deck. */
export function decideFutures(
  view: GameState,
  seat: Seat,
  p: Extract<Pending, { kind: 'futures' }>,
  legal: Action[],
  rng: () => number,
  fast = false,
): Decision {
  const values = p.cards.map((id) => {
    const card = injectById(id);
    return card ? valueOfEffects(view, seat, card.effects, rng, fast) : 0;
  });
  const worst = values.map((v) => -v);
  const i = argmax(worst);
  const action = legal.find((a) => a.move === 'chooseOption' && a.args[0] === i) ?? legal[0]!;
  const title = injectById(p.cards[i]!)?.title ?? 'an inject';
  return { action, why: `Futures: “${title}” would hurt us most; it goes to the bottom` };
}

/** The decision for whatever is pending for this seat, or null if nothing is. */
export function decidePending(
  view: GameState,
  seat: Seat,
  legal: Action[],
  rng: () => number,
  fast = false,
): Decision | null {
  const p = view.pending;
  if (!p || !('seat' in p) || p.seat !== seat) return null;
  if (p.kind === 'lambaste') return decideLambaste(view, p, legal, rng, fast);
  if (p.kind === 'choice') return decideChoice(view, seat, p, legal, rng, fast);
  if (p.kind === 'futures') return decideFutures(view, seat, p, legal, rng, fast);
  // Approvals and adjudications wait for the White Cell, not for this seat.
  return null;
}
