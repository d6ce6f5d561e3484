/** A sweep record with every field filled, for the sweep-lab statistics tests. */
import { TRACK_IDS, type Track } from '../../src/content/ids';
import type { EndState } from '../../src/sim/measures';
import type { GameRecord } from '../../src/sim/record';

export const tracks = (tension: number) =>
  Object.fromEntries(TRACK_IDS.map((t) => [t, t === 'tension' ? tension : 0])) as Record<Track, number>;
export const END: EndState = {
  theaters: {
    'euro-atlantic': 'even',
    'indian-ocean': 'west',
    'south-china-sea': 'china',
    'taiwan-ecs': 'west',
    korea: 'west',
  },
  ports: { 'north-sea-ports': 'china', 'mediterranean-ports': 'china', 'malaysia-singapore': 'west' },
  ukraine: 'holding',
  taiwanCrisis: 3,
  dprkThreat: 2,
};
export const zero = { china: 0, nato: 0, japan: 0, korea: 0 };
export const record = (over: Partial<GameRecord>): GameRecord => ({
  seed: 's',
  scenario: 'x',
  variant: 4,
  winner: 'china',
  ending: 'final-summit',
  culprit: null,
  margins: { china: 2, nato: 0, japan: -1, korea: -3 },
  turns: 8,
  actions: 40,
  apByMove: { pressGrayZone: 6, shipShells: 2 },
  apBySeat: { china: { pressGrayZone: 6 }, nato: { shipShells: 2 }, japan: {}, korea: {} },
  cause: null,
  tensionAdded: zero,
  tensionByTurn: [zero, zero],
  fired: {},
  endState: END,
  tracks: [tracks(4), tracks(6), tracks(7)],
  finalHash: '0'.repeat(64),
  ...over,
});
