/** Reaction preferences: which standing order answers which Lambaste window, and what it swings. */
import { describe, expect, it } from 'vitest';
import {
  autoReaction,
  lambasteGain,
  prefFromValue,
  prefValue,
  REACTION_CHOICES,
  type ReactionPreference,
} from '../../src/client/reactions';
import { playerView } from '../../src/rules/view';
import type { GameState } from '../../src/rules/state';
import { newMatch, play } from '../rules/helpers';

/** A Lambaste window opened by a NATO move, as China's player sees it. */
function windowAfter(move: 'transit' | 'summit' | 'statement', ...args: unknown[]): GameState {
  const m = newMatch('baseline-2023', 4, 'reactions');
  m.G.pending = null;
  m.G.active = 'nato';
  m.G.ap.nato = 4;
  m.G.tracks.cohesion = 6;
  play(m, move, ...args);
  expect((m.G as GameState).pending?.kind).toBe('lambaste');
  return playerView(m.G, '0');
}

const paid = windowAfter('transit', 'west-indian-ocean');
const free = windowAfter('summit');
const none = (() => {
  const G = structuredClone(paid);
  G.pending = null;
  return G;
})();

/** Margins count internationalization in steps (÷ 2, ÷ 4): one cancelled point swings a margin by 1, or not at all. */
const PAID_GAIN = 1;
const FREE_GAIN = 0;

describe('lambasteGain', () => {
  it('is China’s margin gained plus the mover’s lost, against letting the move pass', () => {
    expect(lambasteGain(paid, 'nato')).toBe(PAID_GAIN);
    expect(lambasteGain(free, 'nato')).toBe(FREE_GAIN);
  });
});

describe('autoReaction', () => {
  const cases: [string, GameState, ReactionPreference | undefined, 'lambaste' | 'declineLambaste' | null][] = [
    ['no preference asks', paid, undefined, null],
    ['"always ask" asks', paid, { mode: 'ask' }, null],
    ['"never" lets a paid one pass', paid, { mode: 'decline' }, 'declineLambaste'],
    ['"never" lets a free one pass', free, { mode: 'decline' }, 'declineLambaste'],
    ['"free" takes a free one', free, { mode: 'free' }, 'lambaste'],
    ['"free" lets a paid one pass', paid, { mode: 'free' }, 'declineLambaste'],
    ['"swings 1+" takes a window that swings 1', paid, { mode: 'gain', atLeast: 1 }, 'lambaste'],
    ['"swings 2+" lets a window that swings 1 pass', paid, { mode: 'gain', atLeast: 2 }, 'declineLambaste'],
    ['"swings 1+" lets a free window that swings nothing pass', free, { mode: 'gain', atLeast: 1 }, 'declineLambaste'],
    ['no window: nothing to answer', none, { mode: 'decline' }, null],
  ];
  it.each(cases)('%s', (_name, view, pref, expected) => {
    expect(autoReaction(view, 'china', pref)?.action.move ?? null).toBe(expected);
  });
  it('answers only for the seat the window is put to', () => {
    expect(autoReaction(paid, 'nato', { mode: 'decline' })).toBeNull();
  });
  it('says why, with the swing it weighed', () => {
    expect(autoReaction(paid, 'china', { mode: 'gain', atLeast: 1 })?.why).toMatch(/^reaction preference: Lambaste/);
  });
});

describe('menu values', () => {
  it.each(REACTION_CHOICES)('$value round-trips', (c) => {
    expect(prefFromValue(prefValue(c.pref))).toEqual(c.pref);
  });
  it('an unknown value falls back to asking', () => {
    expect(prefFromValue('bogus')).toEqual({ mode: 'ask' });
  });
});
