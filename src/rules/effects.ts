/** The one interpreter of the closed effect vocabulary (content/effects.ts). */
import type { Effect } from '../content/effects';
import type { Track } from '../content/ids';
import {
  addDeterrence,
  changeActionPoints,
  changeFaitAccompli,
  changeGrayZone,
  changeInfluence,
  changeMargin,
  changePips,
  changeTrack,
} from './changes';
import type { Resolution } from './context';
import { d6 } from './dice';

/**
 * Apply effects in order. A `choice` puts the game on hold for that seat; the effects after it in the
 * same list are deferred into each option so nothing is lost.
 */
export function applyEffects(r: Resolution, effects: readonly Effect[], source: string): void {
  for (let i = 0; i < effects.length; i++) {
    if (r.G.result) return;
    const e = effects[i] as Effect;
    if (e.op === 'choice') {
      const rest = effects.slice(i + 1);
      r.G.pending = {
        kind: 'choice',
        seat: e.seat,
        source,
        prompt: e.prompt,
        options: e.options.map((o) => ({ label: o.label, effects: [...o.effects, ...rest] })),
      };
      return;
    }
    const before = r.G.pending;
    applyEffect(r, e, source);
    // A choice raised inside a roll still defers what follows it in this list.
    const now = r.G.pending;
    if (now !== before && now?.kind === 'choice' && i + 1 < effects.length) {
      const rest = effects.slice(i + 1);
      now.options = now.options.map((o) => ({ label: o.label, effects: [...o.effects, ...rest] }));
      return;
    }
  }
}

function applyEffect(r: Resolution, e: Exclude<Effect, { op: 'choice' }>, source: string): void {
  switch (e.op) {
    case 'track':
      changeTrack(r, e.track as Track, e.delta);
      return;
    case 'partnership':
      changePips(r, e.partner, e.pips);
      return;
    case 'grayZone':
      changeGrayZone(r, e.space, e.delta);
      return;
    case 'faitAccompli':
      changeFaitAccompli(r, e.space, e.delta);
      return;
    case 'deterrence':
      addDeterrence(r, e.theater, e.delta, source, e.until);
      return;
    case 'influence':
      changeInfluence(r, e.port, e.side, e.delta);
      return;
    case 'actionPoints':
      changeActionPoints(r, e.seat, e.delta);
      return;
    case 'margin':
      changeMargin(r, e.seat, e.delta);
      return;
    case 'roll': {
      const face = d6(r.dice);
      r.rolls.push(face);
      const ok = face + e.modifier >= e.target;
      r.notes.push(
        `rolled ${face}${e.modifier ? (e.modifier > 0 ? '+' : '') + e.modifier : ''} vs ${e.target}: ${ok ? 'success' : 'failure'}`,
      );
      applyEffects(r, ok ? e.success : e.failure, source);
      return;
    }
  }
}
