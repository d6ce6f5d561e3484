/** The one interpreter of the closed effect vocabulary (content/effects.ts). */
import type { Effect, Reading } from '../content/effects';
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
    if (e.op === 'interpret') {
      const rest = effects.slice(i + 1);
      interpret(r, e.prompt, withRest(e.readings, rest), source);
      return;
    }
    const before = r.G.pending;
    applyEffect(r, e, source);
    // A choice or reading raised inside a roll still defers what follows it in this list.
    const now = r.G.pending;
    if (now !== before && (now?.kind === 'choice' || now?.kind === 'reading') && i + 1 < effects.length) {
      now.options = withRest(now.options, effects.slice(i + 1));
      return;
    }
  }
}

const withRest = <O extends { effects: Effect[] }>(options: readonly O[], rest: readonly Effect[]): O[] =>
  options.map((o) => ({ ...o, effects: [...o.effects, ...rest] }));

/**
 * An inject open to interpretation: a White Cell chooses its reading (the game waits for it); without
 * one, or when bots play on unattended, the table's die does, each reading owning some of the faces.
 */
function interpret(r: Resolution, prompt: string, readings: Reading[], source: string): void {
  const W = r.G.white;
  if (W && !W.tableReadings) {
    r.G.pending = { kind: 'reading', source, prompt, options: readings };
    return;
  }
  readByTable(r, readings, source);
}

/** The table's die reads an inject: each reading owns some of the faces. */
export function readByTable(r: Resolution, readings: readonly Reading[], source: string): void {
  const face = d6(r.dice);
  r.rolls.push(face);
  const reading = readings.find((o) => o.faces.includes(face)) ?? (readings[0] as Reading);
  applyReading(r, reading, `the table rolled ${face}`, source);
}

/** Log the reading chosen (and by whom), then apply its effects. */
export function applyReading(r: Resolution, reading: Reading, by: string, source: string): void {
  r.notes.push(`read as “${reading.label}” (${by})`);
  applyEffects(r, reading.effects, source);
}

function applyEffect(r: Resolution, e: Exclude<Effect, { op: 'choice' | 'interpret' }>, source: string): void {
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
