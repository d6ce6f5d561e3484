/** Upkeep (end of each turn): the non-player actors act, gray zones harden, timers run, tracks drift. */
import { BALANCE } from '../content/balance';
import { MOVE_NUMBERS } from '../content/move-numbers';
import { RULE_NUMBERS } from '../content/rule-numbers';
import { SEA_ZONES, TRACKS } from '../content/ids';
import { changeFaitAccompli, changeTrack, fire, special } from './changes';
import { deterrence, usShipsDeniedBases } from './scoring';
import type { Resolution } from './context';
import { d6 } from './dice';
import { alarmAtFailingFront } from './fronts';
import { logResolution } from './log';
import { isUsed, QUARANTINE_HELD } from './moves/rule';

/** A held blockade, contested (deterrence around Taiwan at the crisis or more): a roll says whether a ship runs it. */
function blockadeRun(r: Resolution): boolean {
  if (deterrence(r.G, 'taiwan-ecs') < r.G.tracks.taiwanCrisis) return false;
  const face = d6(r.dice);
  r.rolls.push(face);
  r.notes.push(`blockade run roll ${face}`);
  return face >= RULE_NUMBERS.blockadeRun.onRoll;
}

/** Upkeep: Russia and North Korea act, gray zones harden, timers run, stockpile +1, tension −1. */
export function upkeep(r: Resolution): void {
  const { G } = r;
  r.seat = null;
  r.cause = 'russia';
  // Russia grinds the front; China's tacit support and hidden aid feed it.
  const face = d6(r.dice);
  r.rolls.push(face);
  const russia = RULE_NUMBERS.russia;
  const total = face + G.tacitSupport - (G.tracks.stockpile >= russia.stockpileFrom ? russia.modifier : 0);
  const row =
    BALANCE.russiaTable.find((x) => total <= x.atMost) ?? BALANCE.russiaTable[BALANCE.russiaTable.length - 1]!;
  const hiddenAid = G.aid.length * MOVE_NUMBERS.sendMaterialAid.upkeepUkraine;
  r.notes.push(`Russia: ${row.text}`);
  changeTrack(r, 'ukraine', row.ukraine - hiddenAid);
  G.tacitSupport = 0;
  alarmAtFailingFront(r);
  logResolution(r, 'upkeep', 'Upkeep — Ukraine front');
  if (G.result) return;
  r.cause = 'north-korea';
  const dprkRolls = special(G, 'dprk-rolls-twice') ? 2 : 1;
  for (let i = 0; i < dprkRolls && !G.result; i++) {
    const f = d6(r.dice);
    r.rolls.push(f);
    const dprk = RULE_NUMBERS.northKorea;
    const k = f + (G.tracks.dprkThreat >= dprk.threatFrom ? dprk.modifier : 0);
    const nk =
      BALANCE.northKoreaTable.find((x) => k <= x.atMost) ??
      BALANCE.northKoreaTable[BALANCE.northKoreaTable.length - 1]!;
    r.notes.push(`North Korea: ${nk.text}`);
    changeTrack(r, 'dprkThreat', nk.dprkThreat);
    changeTrack(r, 'tension', nk.tension);
    changeTrack(r, 'internationalization', nk.internationalization);
    logResolution(r, 'upkeep', 'Upkeep — North Korea');
  }
  if (G.result) return;
  r.cause = 'upkeep';
  if (G.tracks.taiwanCrisis >= TRACKS.taiwanCrisis[1] && special(G, 'quarantine-at-crisis-5')) {
    // China declared it by taking the crisis to 5 and keeps it: its tension (and a war it brings) is China's.
    r.seat = 'china';
    r.notes.push('China keeps Taiwan under quarantine');
    changeTrack(r, 'internationalization', RULE_NUMBERS.quarantineUpkeep.internationalization);
    // A blockade China made hold is a fait accompli that escalates only when Western ships contest it and one runs it.
    if (!isUsed(G, QUARANTINE_HELD) || blockadeRun(r)) changeTrack(r, 'tension', RULE_NUMBERS.quarantineUpkeep.tension);
    logResolution(r, 'upkeep', 'Upkeep — Taiwan quarantine');
    r.seat = null;
    if (G.result) return;
  }
  if (usShipsDeniedBases(G)) fire(G, 'japan-bases-essential');
  // Gray zone left unchallenged becomes a fait accompli.
  for (const zone of SEA_ZONES) {
    if (!G.grayZone[zone] || G.units.some((u) => u.owner !== 'china' && u.space === zone)) continue;
    const n = Math.min(G.grayZone[zone] ?? 0, BALANCE.faitAccompliPerUpkeep);
    G.grayZone[zone] = (G.grayZone[zone] ?? 0) - n;
    if (!G.grayZone[zone]) delete G.grayZone[zone];
    changeFaitAccompli(r, zone, n);
  }
  const leaving = G.units.filter((u) => u.leavesAfterTurn !== null && u.leavesAfterTurn <= G.turn);
  if (leaving.length)
    r.notes.push(`${leaving.map((u) => u.kind).join(', ')} leave${leaving.length === 1 ? 's' : ''} the map`);
  G.units = G.units.filter((u) => !leaving.includes(u));
  G.deterrence = G.deterrence.filter((m) => m.until !== 'upkeep');
  changeTrack(r, 'stockpile', RULE_NUMBERS.upkeep.stockpile);
  changeTrack(r, 'tension', RULE_NUMBERS.upkeep.tension);
  logResolution(r, 'upkeep', 'Upkeep');
  r.cause = null;
}
