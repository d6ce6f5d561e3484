/**
 * A small form for typed track changes (the closed effect vocabulary, tracks and margins only): rows →
 * Effect[]. It starts with no rows and a new row changes nothing until a number is typed, so a story
 * meant to have no effect never moves a track by accident.
 */
import type { Effect } from '../../content/effects';
import { SEATS, TRACK_IDS, TRACKS, type Seat, type Track } from '../../content/ids';
import { SEAT_NAMES } from '../../content/seats';
import { named, TRACK_NAMES } from '../../rules';
import { h } from '../dom';

export interface EffectsForm {
  el: HTMLElement;
  /** The effects the rows describe (rows with a zero change are left out). */
  effects(): Effect[];
  clear(): void;
}

/** What a row may change: a track, or a seat's victory margin. */
const TARGETS: { value: string; label: string }[] = [
  ...TRACK_IDS.map((t) => ({ value: `track:${t}`, label: `${TRACK_NAMES[t]} (${TRACKS[t][0]}–${TRACKS[t][1]})` })),
  ...SEATS.map((s) => ({ value: `margin:${s}`, label: `${SEAT_NAMES[s]} margin` })),
];

export function effectsForm(idPrefix: string, maxRows = 6): EffectsForm {
  const rows = h('div', { class: 'effect-rows' });
  const summary = h('p', {
    class: 'wc-sub effect-summary',
    attrs: { id: `${idPrefix}-effects-summary`, 'aria-live': 'polite' },
  });
  const summarize = () => {
    const list = read();
    summary.textContent = list.length
      ? `Changes: ${list.map(effectText).join(', ')}.`
      : 'No change to any track: a story only.';
  };
  const read = (): Effect[] => {
    const out: Effect[] = [];
    for (const row of Array.from(rows.children)) {
      const target = (row.querySelector('[data-role=target]') as HTMLSelectElement).value;
      const delta = Math.trunc(Number((row.querySelector('[data-role=delta]') as HTMLInputElement).value));
      if (!Number.isFinite(delta) || delta === 0) continue;
      const [kind, id] = target.split(':') as ['track' | 'margin', string];
      out.push(
        kind === 'track' ? { op: 'track', track: id as Track, delta } : { op: 'margin', seat: id as Seat, delta },
      );
    }
    return out;
  };
  rows.addEventListener('input', summarize);
  rows.addEventListener('change', summarize);
  const addRow = () => {
    if (rows.children.length >= maxRows) return;
    const n = rows.children.length;
    const target = h(
      'select',
      { attrs: { 'aria-label': `Change ${n + 1}: what`, 'data-role': 'target' } },
      ...TARGETS.map((t) => h('option', { text: t.label, attrs: { value: t.value } })),
    );
    const delta = h('input', {
      attrs: {
        type: 'number',
        min: -20,
        max: 20,
        step: 1,
        value: 0,
        'aria-label': `Change ${n + 1}: by how much`,
        'data-role': 'delta',
      },
    });
    const remove = h('button', {
      text: '×',
      attrs: { type: 'button', 'aria-label': `Remove change ${n + 1}` },
      on: {
        click: () => {
          row.remove();
          summarize();
        },
      },
    });
    const row = h('div', { class: 'effect-row' }, target, delta, remove);
    rows.append(row);
    summarize();
  };
  const add = h('button', {
    text: 'Add a change',
    attrs: { type: 'button', id: `${idPrefix}-add-effect` },
    on: { click: addRow },
  });
  summarize();
  return {
    el: h('div', { class: 'effects-form' }, rows, add, summary),
    effects: read,
    clear: () => {
      rows.replaceChildren();
      summarize();
    },
  };
}

/** An effect in words: `tension +1`, `China margin −2`. */
export function effectText(e: Effect): string {
  const d = (n: number) => (n > 0 ? `+${n}` : `${n}`);
  switch (e.op) {
    case 'track':
      return `${TRACK_NAMES[e.track as Track] ?? e.track} ${d(e.delta)}`;
    case 'margin':
      return `${SEAT_NAMES[e.seat]} margin ${d(e.delta)}`;
    case 'partnership':
      return `${named(e.partner)} partnership ${d(e.pips)} pip`;
    case 'grayZone':
      return `gray zone in ${named(e.space)} ${d(e.delta)}`;
    case 'faitAccompli':
      return `fait accompli in ${named(e.space)} ${d(e.delta)}`;
    case 'deterrence':
      return `deterrence in ${named(e.theater)} ${d(e.delta)}`;
    case 'influence':
      return `${e.side === 'china' ? 'Chinese' : 'Western'} influence in ${named(e.port)} ${d(e.delta)}`;
    case 'actionPoints':
      return `${SEAT_NAMES[e.seat]} AP ${d(e.delta)}`;
    case 'roll':
      return `roll ${e.target}+`;
    case 'choice':
      return `${SEAT_NAMES[e.seat]} chooses`;
    case 'interpret':
      return `read one of ${e.readings.length} ways`;
  }
}
