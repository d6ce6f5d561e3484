/**
 * The sentences that explain the board — each track, each theater bar, the orange tick on a track —
 * for tooltips and the coach of the guided first game. Every number in them is read from the rules'
 * own constants (TRACKS, BALANCE), never typed in, so a balance change cannot make them lie. Each
 * names the rules section it comes from (an id of the rules reference, see rules-markdown.ts).
 */
import { BALANCE } from '../content/balance';
import { RULE_NUMBERS } from '../content/rule-numbers';
import { THEATERS, TRACKS, type Partner, type Seat, type Theater, type Track } from '../content/ids';
import { PARTNER_NAMES, PARTNERS_IN, THEATER_NAMES, TRACK_NAMES, trackTitle } from '../rules';

export interface Help {
  text: string;
  /** The rules reference section that says more (ruleId of its heading). */
  section: string;
}

const [TENSION_MIN, WAR_AT] = TRACKS.tension;
const [FRONT_GONE] = TRACKS.ukraine;
const R = RULE_NUMBERS;
const FAILING = BALANCE.credibility.failingAt;
const signed = (n: number) => (n < 0 ? `−${-n}` : `+${n}`);
const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];
const count = (n: number) => COUNT_WORDS[n] ?? String(n);
/** What happens at the front's two thresholds, in words. */
const FRONT = `at ${FAILING} or less it fails (China is emboldened, partners hedge, NATO overreaches east of Suez), and at ${FRONT_GONE} it collapses (cohesion ${signed(-R.collapse.cohesion)}, the front re-forms at ${R.collapse.reformsAt})`;

/** What each track measures (the range is added from TRACKS). */
const TRACK_WORDS: Record<Track, string> = {
  tension: `At ${WAR_AT} the game ends in war and the seat that pushed it there loses; each upkeep moves it ${signed(R.upkeep.tension)}`,
  internationalization: 'How far others are drawn into China’s quarrels; China wants it low, Japan and NATO high',
  cohesion: 'How united the alliance is; it counts in NATO’s margin',
  ukraine: `Where the front stands; it counts in Japan’s margin, and in NATO’s up to ${BALANCE.credibility.holdingAt}, where it holds; ${FRONT}`,
  stockpile: `Arms on hand for both fronts: shells to Ukraine and arms to Asia spend it; it sets NATO’s action points (${BALANCE.natoApByStockpile.map((r) => `${r.ap} from ${r.atLeast}`).join(', ')})`,
  taiwanCrisis: 'The crisis over Taiwan; it adds to the pressure in the Taiwan & East China Sea theater',
  dprkThreat: 'North Korea’s threat; it adds to the pressure in Korea',
  exposure: 'How much China’s Wedge can hurt South Korea',
  exports: 'South Korea’s defence exports; they count in its margin',
  vp: `The two-seat game’s shared track: ${BALANCE.vpSuddenDeath} either way at a summit from turn ${BALANCE.suddenDeathFromTurn} wins at once`,
};

export function trackHelp(track: Track): Help {
  const [lo, hi] = TRACKS[track];
  return {
    text: `${trackTitle(track)} runs from ${lo} to ${hi}. ${TRACK_WORDS[track]}.`,
    section: 'rules-3-tracks',
  };
}

/** The orange tick on a track: where it turns dangerous (`high`: at or above `at`, else at or below). */
export function dangerHelp(track: Track, at: number, high: boolean): Help {
  const name = TRACK_NAMES[track];
  const why = track === 'tension' ? `; at ${WAR_AT} it is war` : track === 'ukraine' ? `; ${FRONT}` : '';
  return {
    text: `The orange tick marks danger: ${name} ${high ? `${at} or more` : `${at} or less`} is drawn orange${why}.`,
    section: 'rules-3-tracks',
  };
}

export function theaterHelp(theater: Theater): Help {
  return {
    text: `${THEATER_NAMES[theater]}: deterrence (blue, growing left) against pressure (orange, growing right). Deterrence is Western ships, deterrence markers and a partner at level ${BALANCE.partnerDeterrenceFrom} or more, less gray zones; pressure is gray zones, faits accomplis, the theater’s crisis and Chinese ships. The longer side is winning the theater.`,
    section: 'rules-3-tracks',
  };
}

/** A partnership bar: what its level does, from the constants and the theaters it deters in. */
export function partnershipHelp(partner: Partner): Help {
  const where = THEATERS.filter((t) => PARTNERS_IN[t].includes(partner)).map((t) => THEATER_NAMES[t]);
  return {
    text: `${PARTNER_NAMES[partner]}’s partnership with the West: ${count(R.pipsPerLevel)} pips make a level. From level ${BALANCE.summit.guestsFrom} its leader is invited to NATO summits; from level ${BALANCE.partnerDeterrenceFrom} it adds ${R.partnerDeterrence} deterrence in ${where.join(' and ')}.`,
    section: 'rules-3-tracks',
  };
}

/** A seat's action points per round, in words (NATO's follow the stockpile). */
export function apWords(seat: Seat): string {
  if (seat === 'nato') return 'NATO’s follow the Western stockpile';
  return `${BALANCE.apPerRound[seat]} action points each round`;
}

/** How a game is won, from the victory constants. */
export function victoryWords(): string {
  return `At a summit every ${BALANCE.summitTurns} turns each seat’s margin is counted. From turn ${BALANCE.suddenDeathFromTurn}, a margin of +${BALANCE.suddenDeath} or more at a summit wins at once; otherwise the highest margin after the last turn wins. Tension reaching ${WAR_AT} ends the game in war (it starts no lower than ${TENSION_MIN}).`;
}
