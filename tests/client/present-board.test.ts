import { describe, expect, it } from 'vitest';
import { SPACES, THEATERS } from '../../src/content/ids';
import { SEAT_STYLE } from '../../src/content/seats';
import { presentBoard, seatToAct, statusLine, type PresentOptions } from '../../src/client/present-board';
import { deterrence, pressure, type GameState } from '../../src/rules';
import { fixtureState } from './fixture-state';

const base: PresentOptions = { seat: 'nato', legalTargets: [], selected: null };
const space = (G: GameState, id: string, opts = base) => presentBoard(G, opts).spaces.find((s) => s.id === id)!;

describe('presentBoard: spaces', () => {
  it('draws all 29 spaces with a polygon and a label point', () => {
    const v = presentBoard(fixtureState(), base);
    expect(v.spaces.map((s) => s.id).sort()).toEqual([...SPACES].sort());
    for (const s of v.spaces) {
      expect(s.polygon.length).toBeGreaterThanOrEqual(3);
      expect(s.label).toHaveLength(2);
    }
  });

  it.each([
    // space, unit stacks as "seat:count:presence", marker keys with counts
    ['east-china-sea', ['japan:2:2'], ['gray-zone:1']],
    ['south-china-sea', ['nato:1:3'], ['gray-zone:2', 'fait-accompli:1']],
    ['western-pacific', ['nato:1:2'], []],
    ['mediterranean', ['china:1:1'], []],
    ['mediterranean-ports', [], ['influence-china:3', 'influence-west:1']],
    ['north-atlantic', [], []],
  ])('%s holds units %j and markers %j', (id, units, markers) => {
    const s = space(fixtureState(), id);
    expect(s.units.map((u) => `${u.seat}:${u.count}:${u.presence}`)).toEqual(units);
    expect(s.markers.map((m) => `${m.key}:${m.count}`)).toEqual(markers);
  });

  it('gives unit tokens the seat colour, letter and shape', () => {
    const u = space(fixtureState(), 'east-china-sea').units[0]!;
    expect([u.colour, u.glyph, u.shape]).toEqual([
      SEAT_STYLE.japan.colour,
      SEAT_STYLE.japan.glyph,
      SEAT_STYLE.japan.shape,
    ]);
  });

  it.each([
    ['nato', ['aid-revealed:1']],
    [null, ['aid-revealed:1']],
    ['china', ['aid-revealed:1', 'aid-hidden:1']],
    ['white', ['aid-revealed:1', 'aid-hidden:1']],
  ] as const)('hidden material aid is shown to %s as %j', (seat, markers) => {
    const s = space(fixtureState(), 'ukraine', { ...base, seat });
    expect(s.markers.map((m) => `${m.key}:${m.count}`)).toEqual(markers);
  });

  it('highlights exactly the legal targets and marks the selected space', () => {
    const v = presentBoard(fixtureState(), { ...base, legalTargets: ['taiwan-strait', 'japan'], selected: 'japan' });
    expect(
      v.spaces
        .filter((s) => s.highlighted)
        .map((s) => s.id)
        .sort(),
    ).toEqual(['japan', 'taiwan-strait']);
    expect(v.spaces.filter((s) => s.selected).map((s) => s.id)).toEqual(['japan']);
    expect(v.selected).toBe('japan');
  });

  it('tells sea zones from land by kind and fill', () => {
    const v = presentBoard(fixtureState(), base);
    const seaFills = new Set(v.spaces.filter((s) => s.kind === 'sea').map((s) => s.fill));
    const landFills = new Set(v.spaces.filter((s) => s.kind === 'land').map((s) => s.fill));
    for (const f of seaFills) expect(landFills.has(f)).toBe(false);
  });

  it('puts everything on a space in its tooltip lines', () => {
    const d = space(fixtureState(), 'south-china-sea').details.join('\n');
    expect(d).toMatch(/Gray-zone markers: 2/);
    expect(d).toMatch(/Fait-accompli markers \(permanent\): 1/);
    expect(d).toMatch(/presence 3/);
    expect(d).toMatch(/Theater: South China Sea — deterrence -?\d+, pressure \d+/);
    expect(space(fixtureState(), 'india').details.join('\n')).toMatch(/untested/);
  });
});

describe('presentBoard: tracks, theaters, turn', () => {
  it('shows the victory-point track only in the two-seat variant', () => {
    const four = presentBoard(fixtureState(), base).tracks.map((t) => t.id);
    const G2 = { ...fixtureState(), variant: 2 as const };
    expect(four).not.toContain('vp');
    expect(presentBoard(G2, base).tracks.map((t) => t.id)).toContain('vp');
  });

  it('carries track values and ranges, and untested India as words', () => {
    const v = presentBoard(fixtureState(), base);
    expect(v.tracks.find((t) => t.id === 'tension')).toMatchObject({
      value: 8,
      min: 1,
      max: 10,
      danger: { at: 8, high: true },
    });
    expect(v.partnerships.find((t) => t.id === 'india')).toMatchObject({ text: 'untested' });
    // Japan stands at 3 with a pip: the bar shows half a step more (two pips make a level).
    expect(v.partnerships.find((t) => t.id === 'japan')).toMatchObject({ value: 3.5, text: '3+•' });
  });

  it('matches the rules on deterrence and pressure in every theater', () => {
    const G = fixtureState();
    const v = presentBoard(G, base);
    expect(v.theaters.map((t) => t.id)).toEqual([...THEATERS]);
    for (const t of v.theaters)
      expect([t.deterrence, t.pressure]).toEqual([deterrence(G, t.id as never), pressure(G, t.id as never)]);
  });

  it.each<[string, (G: GameState) => void, string | null, RegExp]>([
    ['the active seat', () => undefined, 'nato', /NATO to act/],
    [
      'China on a pending Lambaste',
      (G) =>
        (G.pending = {
          kind: 'lambaste',
          seat: 'china',
          trigger: { seat: 'nato', move: 'summit', summary: "NATO's Summit" },
          cancel: [],
          free: true,
        }),
      'china',
      /China may Lambaste NATO/,
    ],
    [
      'nobody once the game is over',
      (G) => {
        G.phase = 'ended';
        G.result = {
          ending: 'war',
          winner: 'japan',
          culprit: 'china',
          cause: 'seat',
          margins: { china: 0, nato: 0, japan: 1, korea: 0 },
          turn: 3,
        };
      },
      null,
      /War — China pushed tension to 10; Japan wins/,
    ],
  ])('names %s', (_name, change, seat, status) => {
    const G = fixtureState();
    change(G);
    expect(seatToAct(G)).toBe(seat);
    expect(presentBoard(G, base).active?.seat ?? null).toBe(seat);
    expect(statusLine(G)).toMatch(status);
  });

  it('is pure: the state is not changed', () => {
    const G = fixtureState();
    const before = JSON.stringify(G);
    presentBoard(G, { ...base, legalTargets: ['japan'] });
    expect(JSON.stringify(G)).toBe(before);
  });
});
