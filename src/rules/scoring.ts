/** Derived values: deterrence and pressure per theater, port control, margins, and the victory check. */
import { BALANCE } from '../content/balance';
import { PORTS, SEATS, type BySeat, type Partner, type Port, type Seat, type Theater } from '../content/ids';
import { INDO_PACIFIC, theaterOfSpace } from './geo';
import { priorityById } from '../content/priorities';
import type { Condition } from '../content/schemas';
import { axisGain, ukraineSignal } from './fronts';
import { THEATER_NAMES } from './labels';
import type { GameState, Unit } from './state';

/** Partners whose level 3+ adds 1 deterrence in a theater. */
export const PARTNERS_IN: Record<Theater, Partner[]> = {
  'euro-atlantic': [],
  'indian-ocean': ['india', 'australia-nz'],
  'south-china-sea': ['australia-nz'],
  'taiwan-ecs': ['japan'],
  korea: ['korea'],
};

const isWestern = (s: Seat) => s !== 'china';

const isUsNavy = (u: Unit) => u.kind === 'seventh-fleet' || u.kind === 'us-csg';

/** The Japanese-bases rule: without Japan at partnership `japanBasesFrom`+, US ships do not count for Taiwan & ECS. */
export const basesDenied = (G: GameState) =>
  G.specials.includes('japan-bases-essential') && (G.partnership.japan.level ?? 0) < BALANCE.japanBasesFrom;

/** Whether the Japanese-bases rule now keeps a US ship in the theater from counting (counted at upkeep). */
export function usShipsDeniedBases(G: GameState): boolean {
  return basesDenied(G) && G.units.some((u) => isUsNavy(u) && theaterOfSpace(u.space) === 'taiwan-ecs');
}

/** Western naval presence in a theater (with the Taiwan Strait crisis's Japanese-bases rule). */
export function westernPresence(G: GameState, theater: Theater): number {
  const denied = theater === 'taiwan-ecs' && basesDenied(G);
  let sum = 0;
  for (const u of G.units) {
    if (!isWestern(u.owner) || theaterOfSpace(u.space) !== theater) continue;
    if (denied && isUsNavy(u)) continue;
    sum += u.presence;
  }
  return sum;
}

function markersIn(G: GameState, theater: Theater): number {
  let sum = 0;
  for (const m of G.deterrence) if (m.theater === theater) sum += m.value;
  return sum;
}

function countIn(G: GameState, counts: GameState['grayZone'], theater: Theater): number {
  let sum = 0;
  for (const [space, n] of Object.entries(counts)) if (theaterOfSpace(space) === theater) sum += n ?? 0;
  return sum;
}

/** Deterrence = Western presence + markers + 1 if a partner there is at 3+ − gray-zone markers (docs/DESIGN.md §3). */
export function deterrence(G: GameState, theater: Theater): number {
  const partner = PARTNERS_IN[theater].some((p) => (G.partnership[p].level ?? 0) >= BALANCE.partnerDeterrenceFrom)
    ? 1
    : 0;
  return westernPresence(G, theater) + markersIn(G, theater) + partner - countIn(G, G.grayZone, theater);
}

/** Pressure = gray-zone + fait-accompli markers + the theater's crisis level + Chinese naval presence. */
export function pressure(G: GameState, theater: Theater): number {
  const crisis = theater === 'taiwan-ecs' ? G.tracks.taiwanCrisis : theater === 'korea' ? G.tracks.dprkThreat : 0;
  let navy = 0;
  for (const u of G.units) if (u.owner === 'china' && theaterOfSpace(u.space) === theater) navy += u.presence;
  return countIn(G, G.grayZone, theater) + countIn(G, G.faitAccompli, theater) + crisis + navy;
}

/** Who controls a port: the side with more influence; ties leave it uncontrolled. */
export function portController(G: GameState, port: Port): 'china' | 'west' | null {
  const { china, west } = G.influence[port];
  return china > west ? 'china' : west > china ? 'west' : null;
}

export function portsControlledByChina(G: GameState): number {
  return PORTS.filter((p) => portController(G, p) === 'china').length;
}

export function faitAccompliTotal(G: GameState): number {
  return Object.values(G.faitAccompli).reduce<number>((a, n) => a + (n ?? 0), 0);
}

/** Each seat's victory margin (docs/DESIGN.md §7), without national priorities. */
export function margins(G: GameState): BySeat<number> {
  const t = G.tracks;
  const m = BALANCE.margin;
  return {
    nato:
      t.cohesion +
      t.ukraine +
      Math.floor(t.internationalization / BALANCE.natoAsiaDivisor) +
      m.nato +
      G.marginBonus.nato,
    china:
      axisGain(G) +
      faitAccompliTotal(G) +
      2 * portsControlledByChina(G) +
      Math.floor((20 - t.internationalization) / 2) +
      m.china +
      G.marginBonus.china,
    japan:
      (G.partnership.japan.level ?? 0) +
      deterrence(G, 'taiwan-ecs') -
      pressure(G, 'taiwan-ecs') +
      Math.floor(t.internationalization / 4) +
      ukraineSignal(G) +
      m.japan +
      G.marginBonus.japan,
    korea:
      (G.partnership.korea.level ?? 0) +
      deterrence(G, 'korea') -
      t.dprkThreat +
      t.exports -
      t.exposure +
      m.korea +
      G.marginBonus.korea,
  };
}

/** One term of a margin or a summit score, in words: "NATO cohesion" 6. */
export interface ScorePart {
  label: string;
  value: number;
}

/**
 * How each seat's margin is made up, term by term (the score panel and the end card). The terms sum to
 * `margins` (tested); `margins` stays the plain sum because the bots call it in their inner loop.
 */
export function marginParts(G: GameState): BySeat<ScorePart[]> {
  const t = G.tracks;
  const m = BALANCE.margin;
  const tail = (seat: Seat): ScorePart[] => [
    { label: 'constant', value: m[seat] },
    ...(G.marginBonus[seat] ? [{ label: 'head start', value: G.marginBonus[seat] }] : []),
  ];
  return {
    nato: [
      { label: 'NATO cohesion', value: t.cohesion },
      { label: 'Ukraine front', value: t.ukraine },
      {
        label: `internationalization ${t.internationalization} ÷ ${BALANCE.natoAsiaDivisor}`,
        value: Math.floor(t.internationalization / BALANCE.natoAsiaDivisor),
      },
      ...tail('nato'),
    ],
    china: [
      { label: 'the axis’s gain', value: axisGain(G) },
      { label: 'fait-accompli markers', value: faitAccompliTotal(G) },
      { label: `2 × ${portsControlledByChina(G)} ports China controls`, value: 2 * portsControlledByChina(G) },
      {
        label: `(20 − internationalization ${t.internationalization}) ÷ 2`,
        value: Math.floor((20 - t.internationalization) / 2),
      },
      ...tail('china'),
    ],
    japan: [
      { label: 'Japan partnership level', value: G.partnership.japan.level ?? 0 },
      { label: 'Taiwan & East China Sea deterrence', value: deterrence(G, 'taiwan-ecs') },
      { label: 'Taiwan & East China Sea pressure', value: -pressure(G, 'taiwan-ecs') },
      { label: `internationalization ${t.internationalization} ÷ 4`, value: Math.floor(t.internationalization / 4) },
      { label: 'signal from Ukraine', value: ukraineSignal(G) },
      ...tail('japan'),
    ],
    korea: [
      { label: 'South Korea partnership level', value: G.partnership.korea.level ?? 0 },
      { label: 'Korea deterrence', value: deterrence(G, 'korea') },
      { label: 'DPRK Threat', value: -t.dprkThreat },
      { label: 'South Korean exports', value: t.exports },
      { label: 'South Korean exposure', value: -t.exposure },
      ...tail('korea'),
    ],
  };
}

export function isConditionMet(G: GameState, c: Condition): boolean {
  switch (c.op) {
    case 'trackAtLeast':
      return G.tracks[c.track as keyof GameState['tracks']] >= c.value;
    case 'trackAtMost':
      return G.tracks[c.track as keyof GameState['tracks']] <= c.value;
    case 'partnershipAtLeast':
      return (G.partnership[c.partner].level ?? 0) >= c.value;
    case 'portsControlledAtLeast':
      return portsControlledByChina(G) >= c.value;
    case 'faitAccompliAtLeast':
      return faitAccompliTotal(G) >= c.value;
    case 'deterrenceAtLeast':
      return deterrence(G, c.theater) >= c.value;
    case 'unitsInTheaterAtLeast':
      return G.units.filter((u) => isWestern(u.owner) && theaterOfSpace(u.space) === c.theater).length >= c.value;
  }
}

/** Margins with each seat's national priority added where met (the final count). */
export function finalMargins(G: GameState): BySeat<number> {
  const base = margins(G);
  for (const seat of SEATS) {
    const p = priorityById(G.priority[seat]);
    if (p && isConditionMet(G, p.condition)) base[seat] += p.value;
  }
  return base;
}

/** Highest margin wins; ties go to the seat that added less tension, then to seat order. */
export function rank(G: GameState, m: BySeat<number>, among: readonly Seat[] = SEATS): Seat[] {
  return [...among].sort(
    (a, b) => m[b] - m[a] || G.tensionAdded[a] - G.tensionAdded[b] || SEATS.indexOf(a) - SEATS.indexOf(b),
  );
}

/** Two-seat variant: the summit's victory-point swing (positive favours the West). */
export function summitVictoryPoints(G: GameState): number {
  let vp = 0;
  for (const th of INDO_PACIFIC) {
    const d = deterrence(G, th);
    const p = pressure(G, th);
    vp += d > p ? 1 : p > d ? -1 : 0;
  }
  vp += G.tracks.internationalization >= 10 ? 1 : -1;
  // Ports count as one item, to whoever controls more of them (measured: per port, China's uncontested
  // European investments decided the 2-seat game on their own; docs/BALANCE.md).
  const west = PORTS.filter((p) => portController(G, p) === 'west').length;
  const china = PORTS.filter((p) => portController(G, p) === 'china').length;
  vp += Math.sign(west - china);
  vp += G.tracks.ukraine >= 5 ? 1 : G.tracks.ukraine <= 2 ? -1 : 0;
  return vp;
}

/**
 * The two-seat summit's items one by one, in words (the score panel); they sum to `summitVictoryPoints`
 * (tested), which stays the plain sum for the bots' inner loop.
 */
export function summitParts(G: GameState): ScorePart[] {
  const parts: ScorePart[] = INDO_PACIFIC.map((th) => {
    const d = deterrence(G, th);
    const p = pressure(G, th);
    return { label: `${THEATER_NAMES[th]}: deterrence ${d} vs pressure ${p}`, value: d > p ? 1 : p > d ? -1 : 0 };
  });
  parts.push({
    label: `internationalization ${G.tracks.internationalization}`,
    value: G.tracks.internationalization >= 10 ? 1 : -1,
  });
  const west = PORTS.filter((p) => portController(G, p) === 'west').length;
  const china = PORTS.filter((p) => portController(G, p) === 'china').length;
  parts.push({ label: `ports: West ${west}, China ${china}`, value: Math.sign(west - china) });
  parts.push({
    label: `Ukraine front ${G.tracks.ukraine}`,
    value: G.tracks.ukraine >= 5 ? 1 : G.tracks.ukraine <= 2 ? -1 : 0,
  });
  return parts;
}
