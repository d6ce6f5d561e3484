/** Derived values: deterrence and pressure per theater, port control, margins, and the victory check. */
import { BALANCE } from '../content/balance';
import { PORTS, SEATS, TRACKS, type BySeat, type Partner, type Port, type Seat, type Theater } from '../content/ids';
import { INDO_PACIFIC, theaterOfSpace } from './geo';
import { priorityById } from '../content/priorities';
import { RULE_NUMBERS } from '../content/rule-numbers';
import type { Condition } from '../content/schemas';
import { axisGain, ukraineForNato, ukraineSignal } from './fronts';
import { THEATER_NAMES } from './labels';
import type { GameState, Unit } from './state';

/** Partners whose level (BALANCE.partnerDeterrenceFrom+) adds deterrence in a theater. */
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

/** Deterrence = Western presence + markers + a partner there at its threshold − gray-zone markers (docs/RULES.md §3). */
export function deterrence(G: GameState, theater: Theater): number {
  const partner = PARTNERS_IN[theater].some((p) => (G.partnership[p].level ?? 0) >= BALANCE.partnerDeterrenceFrom)
    ? RULE_NUMBERS.partnerDeterrence
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

const W = RULE_NUMBERS.margin;
const [, INT_TOP] = TRACKS.internationalization;
/** China's restraint term: the less internationalization, the more it scores. */
const restraint = (int: number) => Math.floor((INT_TOP - int) / W.chinaRestraint);

/** The Korean crisis's missiles over Japan (a scenario special): DPRK Threat above a quiet level counts against Japan. */
const dprkOnJapan = (G: GameState) =>
  G.specials.includes('dprk-threatens-japan')
    ? Math.max(0, G.tracks.dprkThreat - RULE_NUMBERS.dprkOverJapan.above) * RULE_NUMBERS.dprkOverJapan.perLevel
    : 0;

/** Each seat's victory margin (docs/RULES.md §8), without national priorities. */
export function margins(G: GameState): BySeat<number> {
  const t = G.tracks;
  const m = BALANCE.margin;
  return {
    nato:
      t.cohesion +
      ukraineForNato(G) +
      Math.floor(t.internationalization / BALANCE.natoAsiaDivisor) +
      m.nato +
      G.marginBonus.nato,
    china:
      axisGain(G) +
      faitAccompliTotal(G) +
      W.chinaPorts * portsControlledByChina(G) +
      restraint(t.internationalization) +
      m.china +
      G.marginBonus.china,
    japan:
      (G.partnership.japan.level ?? 0) +
      deterrence(G, 'taiwan-ecs') -
      pressure(G, 'taiwan-ecs') +
      Math.floor(t.internationalization / W.japanAsia) +
      ukraineSignal(G) -
      dprkOnJapan(G) +
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
      { label: `Ukraine front ${t.ukraine}, counted up to ${BALANCE.credibility.holdingAt}`, value: ukraineForNato(G) },
      {
        label: `internationalization ${t.internationalization} ÷ ${BALANCE.natoAsiaDivisor}`,
        value: Math.floor(t.internationalization / BALANCE.natoAsiaDivisor),
      },
      ...tail('nato'),
    ],
    china: [
      { label: 'the axis’s gain', value: axisGain(G) },
      { label: 'fait-accompli markers', value: faitAccompliTotal(G) },
      {
        label: `${W.chinaPorts} × ${portsControlledByChina(G)} ports China controls`,
        value: W.chinaPorts * portsControlledByChina(G),
      },
      {
        label: `(${INT_TOP} − internationalization ${t.internationalization}) ÷ ${W.chinaRestraint}`,
        value: restraint(t.internationalization),
      },
      ...tail('china'),
    ],
    japan: [
      { label: 'Japan partnership level', value: G.partnership.japan.level ?? 0 },
      { label: 'Taiwan & East China Sea deterrence', value: deterrence(G, 'taiwan-ecs') },
      { label: 'Taiwan & East China Sea pressure', value: -pressure(G, 'taiwan-ecs') },
      {
        label: `internationalization ${t.internationalization} ÷ ${W.japanAsia}`,
        value: Math.floor(t.internationalization / W.japanAsia),
      },
      { label: 'signal from Ukraine', value: ukraineSignal(G) },
      ...(dprkOnJapan(G)
        ? [
            {
              label: `DPRK Threat above ${RULE_NUMBERS.dprkOverJapan.above} (missiles over Japan)`,
              value: -dprkOnJapan(G),
            },
          ]
        : []),
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
  for (const seat of SEATS) base[seat] += priorityValue(G, seat);
  return base;
}

/** What the seat's national priority adds at the final count: its value if met, else 0. */
export function priorityValue(G: GameState, seat: Seat): number {
  const p = priorityById(G.priority[seat]);
  return p && isConditionMet(G, p.condition) ? p.value : 0;
}

/** Highest margin wins; ties go to the seat that added less tension, then to seat order. */
export function rank(G: GameState, m: BySeat<number>, among: readonly Seat[] = SEATS): Seat[] {
  return [...among].sort(
    (a, b) => m[b] - m[a] || G.tensionAdded[a] - G.tensionAdded[b] || SEATS.indexOf(a) - SEATS.indexOf(b),
  );
}

const VP = RULE_NUMBERS.twoSeat;
const theaterItem = (d: number, p: number) => (d > p ? VP.item : p > d ? -VP.item : 0);
const internationalizationItem = (G: GameState) =>
  G.tracks.internationalization >= VP.internationalizationFrom ? VP.item : -VP.item;
const ukraineItem = (G: GameState) =>
  G.tracks.ukraine >= VP.ukraineFrom ? VP.item : G.tracks.ukraine <= VP.ukraineFailingAt ? -VP.item : 0;
function portsItem(G: GameState): { west: number; china: number; value: number } {
  const west = PORTS.filter((p) => portController(G, p) === 'west').length;
  const china = PORTS.filter((p) => portController(G, p) === 'china').length;
  return { west, china, value: Math.sign(west - china) * VP.item };
}

/** Two-seat variant: the summit's victory-point swing (positive favours the West). */
export function summitVictoryPoints(G: GameState): number {
  let vp = 0;
  for (const th of INDO_PACIFIC) vp += theaterItem(deterrence(G, th), pressure(G, th));
  vp += internationalizationItem(G);
  // Ports count as one item, to whoever controls more of them (measured: per port, China's uncontested
  // European investments decided the 2-seat game on their own; docs/BALANCE.md).
  vp += portsItem(G).value;
  vp += ukraineItem(G);
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
    return { label: `${THEATER_NAMES[th]}: deterrence ${d} vs pressure ${p}`, value: theaterItem(d, p) };
  });
  parts.push({ label: `internationalization ${G.tracks.internationalization}`, value: internationalizationItem(G) });
  const ports = portsItem(G);
  parts.push({ label: `ports: West ${ports.west}, China ${ports.china}`, value: ports.value });
  parts.push({ label: `Ukraine front ${G.tracks.ukraine}`, value: ukraineItem(G) });
  return parts;
}
