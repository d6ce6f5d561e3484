/**
 * State → BoardView: the one place where game state becomes what the board draws (pure, no DOM).
 * Hidden things (unrevealed Material aid) appear only for a viewer entitled to them.
 */
import {
  PARTNERS,
  SEATS,
  THEATERS,
  TRACKS,
  type Partner,
  type Seat,
  type SpaceId,
  type Theater,
  type Track,
  type UnitKind,
} from '../content/ids';
import type { BoardView, MarkerView, SeatBadge, SpaceView, TrackView, UnitStackView } from '../render/board-view';
import {
  PARTNER_NAMES,
  THEATER_NAMES,
  deterrence,
  portController,
  pressure,
  trackTitle,
  type GameState,
} from '../rules';
import { BALANCE } from '../content/balance';
import { SEAT_STYLE, UNIT_TYPES } from '../content/seats';
import { MAP } from '../content/map';
import { ENDING_PHRASE, WAR_AT } from '../report/format/ending';
import { dangerHelp, partnershipHelp, theaterHelp, trackHelp } from './help-text';

export interface PresentOptions {
  /** Who is looking: a seat, 'white' (sees all) or null (spectator / projector: public only). */
  seat: Seat | 'white' | null;
  /** Spaces the move being chosen may target. */
  legalTargets: readonly string[];
  selected: string | null;
  projector?: boolean;
  scenarioName?: string;
}

export const UNIT_NAMES = Object.fromEntries(Object.entries(UNIT_TYPES).map(([k, t]) => [k, t.name])) as Record<
  UnitKind,
  string
>;

/** Okabe–Ito-safe marker colours (seat colours come from the seat catalogue). */
const GRAY_ZONE = 0xbbbbbb;
const FAIT_ACCOMPLI = 0x222222;
const SEA_THEATER = 0x2b77a8;
const SEA_NONE = 0x3b5c74;
const LAND_THEATER = 0xc9b27c;
const LAND_NONE = 0x8d8a80;

/** Short forms of the long track names, shown wherever the full name would have to shrink (hud-scene.ts). */
const TRACK_SHORT: Partial<Record<Track, string>> = {
  internationalization: 'Internat’l',
  cohesion: 'Cohesion',
  stockpile: 'Stockpile',
  exposure: 'SK exposure',
  exports: 'SK exports',
};
/** Short forms of the long theater names, likewise. */
const THEATER_SHORT: Partial<Record<Theater, string>> = {
  'taiwan-ecs': 'Taiwan & ECS',
  'south-china-sea': 'S. China Sea',
};
/**
 * Where a track turns dangerous (its orange tick); the coach and tooltips explain the same values. Where a
 * rule turns there (the front fails, China may quarantine Taiwan) the tick is the rule's own number.
 */
export const DANGER: Partial<Record<Track, { at: number; high: boolean }>> = {
  tension: { at: 8, high: true },
  cohesion: { at: 3, high: false },
  ukraine: { at: BALANCE.credibility.failingAt, high: false },
  stockpile: { at: 1, high: false },
  taiwanCrisis: { at: BALANCE.quarantine.fromCrisis, high: true },
  dprkThreat: { at: 4, high: true },
  exposure: { at: 4, high: true },
};
/** Partnership track per land space that carries one. */
const PARTNER_OF_SPACE: Partial<Record<SpaceId, Partner>> = {
  japan: 'japan',
  'south-korea': 'korea',
  'australia-nz': 'australia-nz',
  india: 'india',
};
const CRISIS_OF_SPACE: Partial<Record<SpaceId, Track>> = {
  taiwan: 'taiwanCrisis',
  'north-korea': 'dprkThreat',
  ukraine: 'ukraine',
};

/** Waypoints of long routes, so the line goes round the Cape rather than across Africa. */
const LONG_ROUTE_VIA: Record<string, [number, number][]> = {
  'north-atlantic|west-indian-ocean': [
    [-22, 5],
    [2, -36],
    [30, -38],
  ],
  'west-indian-ocean|north-atlantic': [
    [30, -38],
    [2, -36],
    [-22, 5],
  ],
};

export function seatBadge(G: GameState, seat: Seat): SeatBadge {
  const st = SEAT_STYLE[seat];
  return {
    seat,
    name: st.name,
    colour: st.colour,
    glyph: st.glyph,
    shape: st.shape,
    ap: G.ap[seat],
    passed: G.passed[seat],
  };
}

/** The seat the game waits for: a pending decision's seat, else the active seat; null when over or the White Cell reads an inject. */
export function seatToAct(G: GameState): Seat | null {
  if (G.phase === 'ended' || G.result) return null;
  return G.pending ? ('seat' in G.pending ? G.pending.seat : null) : G.active;
}

export function presentBoard(G: GameState, opts: PresentOptions): BoardView {
  const targets = new Set(opts.legalTargets);
  const canSeeAid = opts.seat === 'white' || opts.seat === 'china';
  const theaterNums = new Map<Theater, { d: number; p: number }>(
    THEATERS.map((t) => [t, { d: deterrence(G, t), p: pressure(G, t) }]),
  );
  const spaces: SpaceView[] = MAP.spaces.map((sp) => {
    const units = unitStacks(G, sp.id);
    const markers: MarkerView[] = [];
    const details: string[] = [];
    details.push(sp.kind === 'sea' ? 'Sea zone' : 'Land space');
    if (sp.theater) {
      const n = theaterNums.get(sp.theater)!;
      details.push(`Theater: ${THEATER_NAMES[sp.theater]} — deterrence ${n.d}, pressure ${n.p}`);
    }
    for (const u of units)
      details.push(
        `${u.name} (${SEAT_STYLE[u.seat as Seat].name})${u.count > 1 ? ` ×${u.count}` : ''}: presence ${u.presence}`,
      );
    const gz = G.grayZone[sp.id] ?? 0;
    if (gz > 0) {
      markers.push({
        key: 'gray-zone',
        name: 'Gray-zone marker',
        colour: GRAY_ZONE,
        glyph: 'G',
        shape: 'hexagon',
        count: gz,
      });
      details.push(`Gray-zone markers: ${gz}`);
    }
    const fa = G.faitAccompli[sp.id] ?? 0;
    if (fa > 0) {
      markers.push({
        key: 'fait-accompli',
        name: 'Fait-accompli marker',
        colour: FAIT_ACCOMPLI,
        glyph: 'F',
        shape: 'hexagon',
        count: fa,
      });
      details.push(`Fait-accompli markers (permanent): ${fa}`);
    }
    const port = (G.influence as Record<string, { china: number; west: number }>)[sp.id];
    if (port) {
      if (port.china > 0)
        markers.push({
          key: 'influence-china',
          name: 'Chinese port influence',
          colour: SEAT_STYLE.china.colour,
          glyph: '⚓',
          shape: 'square',
          count: port.china,
        });
      if (port.west > 0)
        markers.push({
          key: 'influence-west',
          name: 'Western port influence',
          colour: SEAT_STYLE.nato.colour,
          glyph: '⚓',
          shape: 'square',
          count: port.west,
        });
      const ctrl = portController(G, sp.id as never);
      details.push(
        `Port influence: China ${port.china}, West ${port.west}${ctrl ? ` — ${ctrl === 'china' ? 'China' : 'the West'} controls it` : ' — contested'}`,
      );
    }
    const partner = PARTNER_OF_SPACE[sp.id];
    if (partner) {
      const p = G.partnership[partner];
      details.push(
        `Partnership (${PARTNER_NAMES[partner]}): ${p.level === null ? 'untested' : `level ${p.level}`}, ${p.pips} pip${p.pips === 1 ? '' : 's'}`,
      );
    }
    const crisis = CRISIS_OF_SPACE[sp.id];
    if (crisis) details.push(`${trackTitle(crisis)}: ${G.tracks[crisis]}`);
    if (sp.id === 'ukraine') {
      const shown = G.aid.filter((a) => a.revealed || canSeeAid);
      const hidden = shown.filter((a) => !a.revealed).length;
      const revealed = shown.length - hidden;
      if (revealed)
        markers.push({
          key: 'aid-revealed',
          name: 'Chinese material aid (revealed)',
          colour: SEAT_STYLE.china.colour,
          glyph: 'A',
          shape: 'circle',
          count: revealed,
        });
      if (hidden)
        markers.push({
          key: 'aid-hidden',
          name: 'Chinese material aid (hidden)',
          colour: 0x555555,
          glyph: '?',
          shape: 'circle',
          count: hidden,
        });
      if (revealed) details.push(`Revealed Chinese material aid: ${revealed}`);
      if (hidden) details.push(`Hidden Chinese material aid (only you see it): ${hidden}`);
    }
    const highlighted = targets.has(sp.id);
    if (highlighted) details.push('A legal target: click or press Enter to choose it');
    return {
      id: sp.id,
      name: sp.name,
      kind: sp.kind,
      theater: sp.theater,
      theaterName: sp.theater ? THEATER_NAMES[sp.theater] : null,
      polygon: sp.polygon,
      islands: sp.islands ?? [],
      label: sp.label,
      fill: sp.kind === 'sea' ? (sp.theater ? SEA_THEATER : SEA_NONE) : sp.theater ? LAND_THEATER : LAND_NONE,
      units,
      markers,
      highlighted,
      selected: opts.selected === sp.id,
      details,
    };
  });

  const trackIds = (Object.keys(TRACKS) as Track[]).filter((t) => t !== 'vp' || G.variant === 2);
  const tracks: TrackView[] = trackIds.map((t) => ({
    id: t,
    name: trackTitle(t),
    ...(TRACK_SHORT[t] ? { short: TRACK_SHORT[t] } : {}),
    value: G.tracks[t],
    min: TRACKS[t][0],
    max: TRACKS[t][1],
    ...(DANGER[t] ? { danger: DANGER[t], dangerHelp: dangerHelp(t, DANGER[t].at, DANGER[t].high) } : {}),
    help: trackHelp(t),
  }));
  const partnerships: TrackView[] = PARTNERS.map((p) => {
    const pt = G.partnership[p];
    return {
      id: p,
      name: PARTNER_NAMES[p],
      // A pip is half a level (two make one), so the bar shows it as half a step.
      value: (pt.level ?? 0) + pt.pips / 2,
      min: 0,
      max: 4,
      help: partnershipHelp(p),
      ...(pt.level === null ? { text: 'untested' } : pt.pips > 0 ? { text: `${pt.level}+${'•'.repeat(pt.pips)}` } : {}),
    };
  });
  const acting = seatToAct(G);
  return {
    scenarioName: opts.scenarioName ?? G.scenario,
    turn: G.turn,
    lastTurn: G.lastTurn,
    round: G.round,
    phase: G.phase,
    active: acting ? seatBadge(G, acting) : null,
    seats: SEATS.map((s) => seatBadge(G, s)),
    spaces,
    // Every sea route: the map draws those between its panels (round Africa, Suez, across the Pacific);
    // the US home-port link is told in the tooltips.
    links: MAP.links
      .filter((l) => l.kind === 'sea')
      .map((l) => ({
        a: l.a,
        b: l.b,
        label: l.cost > 1 ? `${l.cost} moves` : '',
        via: LONG_ROUTE_VIA[`${l.a}|${l.b}`] ?? [],
      })),
    tracks,
    partnerships,
    theaters: THEATERS.map((t) => ({
      id: t,
      name: THEATER_NAMES[t],
      ...(THEATER_SHORT[t] ? { short: THEATER_SHORT[t] } : {}),
      deterrence: theaterNums.get(t)!.d,
      pressure: theaterNums.get(t)!.p,
      help: theaterHelp(t),
    })),
    status: statusLine(G),
    selected: opts.selected,
    projector: opts.projector ?? false,
  };
}

function unitStacks(G: GameState, space: string): UnitStackView[] {
  const stacks = new Map<string, UnitStackView>();
  for (const u of G.units) {
    if (u.space !== space) continue;
    const key = `${u.owner}:${u.kind}`;
    const st = SEAT_STYLE[u.owner];
    const cur = stacks.get(key);
    if (cur) {
      cur.count += 1;
      cur.presence += u.presence;
    } else {
      stacks.set(key, {
        key,
        seat: u.owner,
        name: UNIT_NAMES[u.kind],
        colour: st.colour,
        glyph: st.glyph,
        shape: st.shape,
        count: 1,
        presence: u.presence,
      });
    }
  }
  return [...stacks.values()];
}

/** What the game waits for, in one line. */
export function statusLine(G: GameState): string {
  if (G.result) {
    const r = G.result;
    const who = r.winner ? SEAT_STYLE[r.winner].name : 'nobody';
    if (r.ending === 'war')
      return `War — ${r.culprit ? `${SEAT_STYLE[r.culprit].name} pushed tension to ${WAR_AT}` : `tension reached ${WAR_AT}`}; ${who} wins`;
    return `${who} wins by ${ENDING_PHRASE[r.ending]}`;
  }
  const p = G.pending;
  if (p?.kind === 'lambaste') return `China may Lambaste ${SEAT_STYLE[p.trigger.seat].name}: ${p.trigger.summary}`;
  if (p?.kind === 'choice') return `${SEAT_STYLE[p.seat].name} must choose: ${p.prompt}`;
  return `${SEAT_STYLE[G.active].name} to act`;
}

export { PARTNER_OF_SPACE };
