import { describe, expect, it } from 'vitest';
import { EffectSchema, type Effect } from '../../src/content/effects';
import { SEATS, TRACKS } from '../../src/content/ids';
import { INJECTS, injectById } from '../../src/content/injects';
import { PRIORITIES, prioritiesFor, priorityById } from '../../src/content/priorities';
import { InjectSchema } from '../../src/content/schemas';
import { NON_PLAYER_ACTORS, PLAYERS_BY_VARIANT, SEAT_STYLE, UNIT_TYPES } from '../../src/content/seats';

/** Every effect of a list, including those nested in rolls and choices. */
function* walk(effects: readonly Effect[]): Generator<Effect> {
  for (const e of effects) {
    yield e;
    if (e.op === 'roll') yield* walk([...e.success, ...e.failure]);
    if (e.op === 'choice') for (const o of e.options) yield* walk(o.effects);
  }
}

describe('injects', () => {
  const main = INJECTS.filter((c) => c.deck === 'main');
  const incidents = INJECTS.filter((c) => c.deck === 'incident');

  it('has at least 30 main-deck and 5 incident injects, ids unique', () => {
    expect(main.length).toBeGreaterThanOrEqual(30);
    expect(incidents.length).toBeGreaterThanOrEqual(5);
    expect(new Set(INJECTS.map((c) => c.id)).size).toBe(INJECTS.length);
  });

  it.each(INJECTS.map((c) => [c.id, c] as const))('%s is valid content', (_id, card) => {
    expect(InjectSchema.safeParse(card).success).toBe(true);
    for (const e of card.effects) expect(EffectSchema.safeParse(e).success).toBe(true);
    // A 1–3 sentence text.
    const sentences = card.text.split(/(?<=[.!?”])\s+(?=[A-Z“])/).length;
    expect(sentences).toBeGreaterThanOrEqual(1);
    expect(sentences).toBeLessThanOrEqual(3);
    expect(card.effects.length).toBeGreaterThan(0);
    for (const e of walk(card.effects)) {
      // Small deltas keep the game balanced: ±1, rarely ±2.
      if (e.op === 'track') {
        expect(Object.keys(TRACKS)).toContain(e.track);
        expect(e.track).not.toBe('vp'); // the victory-point track belongs to the two-seat scoring only
        expect(Math.abs(e.delta)).toBeLessThanOrEqual(2);
      }
      if ('delta' in e) expect(Math.abs(e.delta)).toBeLessThanOrEqual(2);
      if (e.op === 'partnership') expect(Math.abs(e.pips)).toBeLessThanOrEqual(2);
      if (e.op === 'choice') for (const o of e.options) expect(o.label.length).toBeGreaterThan(3);
    }
  });

  it('has at least 6 choices put to seats, and some for every seat', () => {
    const choices = INJECTS.flatMap((c) => [...walk(c.effects)]).filter((e) => e.op === 'choice');
    expect(choices.length).toBeGreaterThanOrEqual(6);
    for (const seat of SEATS)
      expect(
        choices.some((c) => c.op === 'choice' && c.seat === seat),
        seat,
      ).toBe(true);
  });

  it('has the scenario special stoltenberg-visit: +1 pip each for Japan and South Korea', () => {
    expect(injectById('stoltenberg-visit')).toMatchObject({
      deck: 'main',
      effects: [
        { op: 'partnership', partner: 'japan', pips: 1 },
        { op: 'partnership', partner: 'korea', pips: 1 },
      ],
    });
    expect(injectById('no-such-card')).toBeUndefined();
  });

  it('keeps the deck roughly even between the sides: tension deltas net small', () => {
    const net = INJECTS.flatMap((c) => [...walk(c.effects)]).reduce(
      (sum, e) => sum + (e.op === 'track' && e.track === 'tension' ? e.delta : 0),
      0,
    );
    expect(Math.abs(net)).toBeLessThanOrEqual(20);
  });
});

describe('national priorities', () => {
  it.each([...SEATS])('%s has three priorities worth 2–3', (seat) => {
    const ps = prioritiesFor(seat);
    expect(ps).toHaveLength(3);
    for (const p of ps) {
      expect(p.seat).toBe(seat);
      expect(p.value).toBeGreaterThanOrEqual(2);
      expect(p.value).toBeLessThanOrEqual(3);
      expect(priorityById(p.id)).toBe(p);
    }
  });

  it('ids are unique and track thresholds lie inside the track ranges', () => {
    expect(new Set(PRIORITIES.map((p) => p.id)).size).toBe(PRIORITIES.length);
    for (const p of PRIORITIES) {
      const c = p.condition;
      if (c.op === 'trackAtLeast' || c.op === 'trackAtMost') {
        const [lo, hi] = TRACKS[c.track as keyof typeof TRACKS];
        expect(c.value).toBeGreaterThanOrEqual(lo);
        expect(c.value).toBeLessThanOrEqual(hi);
      }
      if (c.op === 'partnershipAtLeast') expect(c.value).toBeLessThanOrEqual(4);
    }
    expect(priorityById('nope')).toBeUndefined();
  });
});

describe('seats and units', () => {
  it('gives every seat a distinct colour, glyph and shape', () => {
    for (const key of ['colour', 'glyph', 'shape'] as const)
      expect(new Set(SEATS.map((s) => SEAT_STYLE[s][key])).size).toBe(4);
    for (const s of SEATS) expect(SEAT_STYLE[s].css).toBe(`#${SEAT_STYLE[s].colour.toString(16).padStart(6, '0')}`);
  });

  it('covers every seat exactly once in each variant', () => {
    expect(PLAYERS_BY_VARIANT[4]).toEqual([['china'], ['nato'], ['japan'], ['korea']]);
    expect(PLAYERS_BY_VARIANT[3]).toEqual([['china'], ['nato'], ['japan', 'korea']]);
    expect(PLAYERS_BY_VARIANT[2]).toEqual([['china'], ['nato', 'japan', 'korea']]);
    for (const groups of Object.values(PLAYERS_BY_VARIANT)) expect(groups.flat().sort()).toEqual([...SEATS].sort());
  });

  it('has the unit catalogue of the brief', () => {
    expect(UNIT_TYPES['seventh-fleet']).toMatchObject({ owner: 'nato', presence: 2 });
    expect(UNIT_TYPES['us-csg']).toMatchObject({ owner: 'nato', presence: 3 });
    expect(UNIT_TYPES['uk-csg']).toMatchObject({ owner: 'nato', presence: 2 });
    expect(UNIT_TYPES['uk-opv']).toMatchObject({ owner: 'nato', presence: 1 });
    expect(UNIT_TYPES['french-rotation']).toMatchObject({ owner: 'nato', presence: 1 });
    expect(UNIT_TYPES['german-transit']).toMatchObject({ owner: 'nato', presence: 1 });
    expect(UNIT_TYPES.jmsdf).toMatchObject({ owner: 'japan', presence: 1 });
    expect(UNIT_TYPES['pla-navy']).toMatchObject({ owner: 'china', presence: 1 });
    expect(NON_PLAYER_ACTORS.map((a) => a.id)).toEqual(
      expect.arrayContaining(['russia', 'north-korea', 'taiwan', 'india']),
    );
  });
});
