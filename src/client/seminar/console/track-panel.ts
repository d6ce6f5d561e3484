/** Tracks and dice: set a track to a value, fix the face of the next roll. */
import { TRACK_IDS, TRACKS, type Track } from '../../../content/ids';
import { trackTitle, type GameState } from '../../../rules';
import { h } from '../../dom';
import { button, panel, type ConsoleContext, type ConsolePanel } from './context';

export function trackPanel(ctx: ConsoleContext): ConsolePanel {
  const oTrack = h(
    'select',
    { attrs: { id: 'wc-override-track', 'aria-label': 'Track to override' } },
    ...TRACK_IDS.map((t) => h('option', { text: trackTitle(t), attrs: { value: t } })),
  );
  const oValue = h('input', { attrs: { id: 'wc-override-value', type: 'number', step: 1, 'aria-label': 'New value' } });
  let last: GameState | null = null;
  const syncRange = () => {
    const [lo, hi] = TRACKS[oTrack.value as Track];
    oValue.min = String(lo);
    oValue.max = String(hi);
    if (last && document.activeElement !== oValue) oValue.value = String(last.tracks[oTrack.value as Track]);
  };
  oTrack.addEventListener('change', syncRange);
  const overrideBtn = button('Override', 'wc-override', () => {
    const track = oTrack.value as Track;
    const value = Math.trunc(Number(oValue.value));
    const [lo, hi] = TRACKS[track];
    if (!Number.isFinite(value) || value < lo || value > hi) {
      ctx.say(`${trackTitle(track)} runs from ${lo} to ${hi}.`, false);
      return;
    }
    void ctx.act('whiteOverrideTrack', [track, value], `${trackTitle(track)} set to ${value}.`);
  });
  const rollFace = h(
    'select',
    { attrs: { id: 'wc-roll-face', 'aria-label': 'Face of the next roll' } },
    ...[1, 2, 3, 4, 5, 6].map((f) => h('option', { text: String(f), attrs: { value: f } })),
  );
  const rollBtn = button(
    'Fix the next roll',
    'wc-force-roll',
    () => void ctx.act('whiteForceRoll', [Number(rollFace.value)], `The next roll will be a ${rollFace.value}.`),
  );
  return {
    el: panel(
      'Tracks and dice',
      'wc-tracks-dice',
      h('p', {}, oTrack, ' → ', oValue, ' ', overrideBtn),
      h('p', {}, rollFace, ' ', rollBtn),
    ),
    render(G) {
      last = G;
      syncRange();
      overrideBtn.disabled = rollBtn.disabled = !!G.result;
    },
  };
}
