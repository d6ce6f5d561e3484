/** Reactions and flow: Lambaste or let it pass, choose an option, pass the round. */
import { changeTrack } from '../changes';
import { MOVE_NUMBERS as N } from '../../content/move-numbers';
import { applyEffects } from '../effects';
import type { Argument } from '../state';
import { ArgumentSchema } from '../argument';
import type { MoveRule } from './rule';

export const flowMoves = {
  lambaste: {
    options: (G) => (G.pending?.kind === 'lambaste' ? [[]] : []),
    play: (r) => {
      const p = r.G.pending;
      if (p?.kind !== 'lambaste') return;
      r.G.pending = null;
      r.notes.push(`Beijing lambastes ${p.trigger.summary}`);
      applyEffects(r, p.cancel, 'Lambaste');
      // "No amount of complaining … will reverse": every further Lambaste in a turn internationalizes.
      if (!p.free) {
        r.G.lambastes += 1;
        if (r.G.lambastes > N.lambaste.free) changeTrack(r, 'internationalization', N.lambaste.internationalization);
      }
      if (p.then) applyEffects(r, p.then, p.trigger.summary);
    },
  },
  declineLambaste: {
    options: (G) => (G.pending?.kind === 'lambaste' ? [[]] : []),
    play: (r) => {
      const p = r.G.pending;
      r.G.pending = null;
      if (p?.kind === 'lambaste' && p.then) applyEffects(r, p.then, p.trigger.summary);
    },
  },
  chooseOption: {
    options: (G) => {
      const p = G.pending;
      if (p?.kind === 'choice') return p.options.map((_, i) => [i]);
      if (p?.kind === 'futures') return p.cards.map((_, i) => [i]);
      return [];
    },
    play: (r, _seat, [index]) => {
      const p = r.G.pending;
      const i = index as number;
      r.G.pending = null;
      if (p?.kind === 'futures') {
        const card = p.cards[i] as string;
        r.G.deck.splice(r.G.deck.indexOf(card), 1);
        r.G.deck.push(card);
        r.notes.push('NATO puts an inject at the bottom of the deck');
        return;
      }
      if (p?.kind !== 'choice') return;
      const option = p.options[i]!;
      r.notes.push(`chose “${option.label}”`);
      applyEffects(r, option.effects, p.source);
    },
  },
  pass: {
    options: () => [[]],
    play: (r, seat) => {
      r.G.passed[seat] = true;
      r.notes.push('passes');
    },
  },
} satisfies Record<string, MoveRule>;

/** Matrix-style free adjudication (when the White Cell allows it): the seat argues, the White Cell rates. */
export const argumentMoves = {
  proposeArgument: {
    options: () => [],
    parse: (G, _seat, args) => {
      if (G.white?.adjudication !== 'free' || args.length !== 1) return null;
      const parsed = ArgumentSchema.safeParse(args[0]);
      return parsed.success ? [parsed.data] : null;
    },
    play: (r, seat, args) => {
      const parsed = ArgumentSchema.parse(args[0]);
      r.G.pending = { kind: 'adjudication', seat, argument: parsed as Argument };
      r.notes.push(`argues “${parsed.action}” → “${parsed.result}” because ${parsed.reasons}`);
    },
  },
} satisfies Record<string, MoveRule>;
