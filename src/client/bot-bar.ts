/** The bots' bar of a local game: who is thinking, the pause between bot moves, pause, skip to my turn. */
import { SEAT_STYLE } from '../content/seats';
import { actingSeat, type GameState } from '../rules';
import { h } from './dom';
import type { LocalBots } from './local-bots';

const SPEEDS: { label: string; ms: number }[] = [
  { label: 'Slow', ms: 1600 },
  { label: 'Normal', ms: 700 },
  { label: 'Fast', ms: 200 },
  { label: 'Instant', ms: 0 },
];

export function renderBotBar(bar: HTMLElement, G: GameState, bots: LocalBots): void {
  const acting = actingSeat(G);
  const thinking = acting !== null && bots.botToAct();
  const speed = h(
    'select',
    {
      attrs: { 'aria-label': 'Bot speed', id: 'bot-speed' },
      on: { change: (e) => (bots.speed = Number((e.target as HTMLSelectElement).value)) },
    },
    ...SPEEDS.map((s) => h('option', { text: s.label, value: String(s.ms), selected: s.ms === bots.speed })),
  );
  bar.replaceChildren(
    h('span', {
      text: thinking
        ? `${SEAT_STYLE[acting].name} (bot) ${bots.paused ? 'paused' : 'is thinking…'}`
        : 'Bots wait for you',
      attrs: { id: 'bot-status' },
    }),
    speed,
    h('button', {
      text: bots.paused ? 'Resume bots' : 'Pause bots',
      attrs: { id: 'bot-pause' },
      on: { click: () => bots.setPaused(!bots.paused) },
    }),
    h('button', {
      text: 'Skip to my turn',
      attrs: { id: 'bot-skip' },
      disabled: !thinking,
      on: { click: () => bots.skip() },
    }),
  );
}
