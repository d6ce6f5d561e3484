/**
 * docs/GLOSSARY.md's entries, alphabetical, each number written from the constant the rules read
 * (`npm run docs:rules` puts them between the glossary's markers; docs.ts).
 */
import { DIFFICULTY } from '../ai/difficulty';
import { BALANCE } from '../content/balance';
import { LAND_SPACES, SEA_ZONES, SPACES, THEATERS, TRACKS, type Track } from '../content/ids';
import { MAP } from '../content/map';
import { MOVE_CATALOGUE } from '../content/moves';
import { MOVE_NUMBERS } from '../content/move-numbers';
import { RULE_NUMBERS } from '../content/rule-numbers';
import { RULES_VERSION } from '../content/rules-version';
import { UNIT_TYPES } from '../content/seats';
import { THEATER_NAMES } from '../rules';
import { count, natoAp, range, signed, summitTurns, wrap } from './docs-blocks';

const B = BALANCE;
const N = MOVE_NUMBERS;
const R = RULE_NUMBERS;
const [, WAR_AT] = TRACKS.tension;
const c = B.credibility;
/** A track's range in parentheses with its id: "0–10 (`cohesion`)". */
const track = (t: Track) => `${range(t)} (\`${t}\`)`;

/** The glossary's entries by term; the text follows the term's dash. */
function entries(): Record<string, string> {
  const usual = Math.min(...MAP.links.map((l) => l.cost));
  const long = MAP.links.filter((l) => l.cost > usual);
  const name = (id: string) => MAP.spaces.find((s) => s.id === id)!.name;
  const presence = Object.values(UNIT_TYPES)
    .filter((u) => u.owner !== 'china')
    .map((u) => `${u.name} ${u.presence}`);
  const screening = MOVE_CATALOGUE.screenInvestment;
  return {
    'Action points (AP)': `what a seat spends on moves in each of the turn's action rounds: China ${B.apPerRound.china}, Japan ${B.apPerRound.japan}, South Korea ${B.apPerRound.korea}, NATO by the Western stockpile (${natoAp()}). Unspent points are lost. Some injects add or remove action points for the current turn (\`actionPoints\` effect). State: \`G.ap\`.`,
    'Action round': `one of the rounds of a turn in which every seat, in the order China, NATO, Japan, South Korea, spends its action points or passes.`,
    Adjudication: `how the game decides an action: _rigid_ (the rules decide) or _free_ (a matrix-style argument rated by the White Cell, then a seeded roll).`,
    'After-action report': `the record of a finished game: timeline, track charts, biggest swings, White Cell overrides and hidden moves revealed.`,
    Arsenal: `the one Western arsenal: the Western stockpile, which feeds both fronts — shells to Ukraine and arms to partners or Taiwan come out of it, South Korea's shells via Europe and its exports refill it.`,
    'Assumption sweep': `a seed sweep repeated for each value of one or more scenario parameters (starting tracks, partnerships, turns, China's posture, special rules, bots), every cell on the same seeds, summed up as a sensitivity report with a tornado chart (\`npm run sim -- --vary\`, \`src/sim/vary.ts\`).`,
    Axis: `the Russia–China axis: China's tacit support and hidden material aid. A failing Ukraine front counts in China's margin, min(${B.axisCap}, max(0, ${B.axisFrom} − Ukraine)) (\`axisGain()\` in \`src/rules/fronts.ts\`).`,
    Border: `a land–land link on the map (\`kind: 'border'\`). Naval units never cross one.`,
    Branch: `an abandoned line of play kept after a White Cell rewind (\`G.white.branches\`); it can be reopened. Also, in analysis, _branch and compare_: bots play a saved game forward from a turn many times (\`npm run sim -- --from GAME.json --turn N\`).`,
    Coast: `a link between a sea zone and a land space (\`kind: 'coast'\`).`,
    Cohesion: `NATO cohesion, ${track('cohesion')}: how united the alliance is. Counts in NATO's margin; a NATO Summit needs ${N.summit.cohesionFrom}+; each port China controls costs ${N.investInPort.summitCohesionPerPort} at a summit; overreach costs it too.`,
    Credibility: `Ukraine's front read in Asia ("Ukraine today may be East Asia tomorrow"): a failing front (Ukraine ${c.failingAt} or less) emboldens China and makes partners hedge, a holding one (${c.holdingAt}+) does the reverse (\`credibility()\` in \`src/rules/fronts.ts\`; thresholds \`BALANCE.credibility\`).`,
    'Crisis level': `the Taiwan Crisis track (\`taiwanCrisis\`, ${range('taiwanCrisis')}) in the Taiwan & East China Sea theater and the DPRK Threat track (\`dprkThreat\`, ${range('dprkThreat')}) in Korea; each adds to that theater's pressure.`,
    Culprit: `the seat a war is charged to: the one whose action pushed tension to ${WAR_AT}, or, when an inject or an upkeep table did, the one that added the most tension over this turn and the last (\`G.result.culprit\`; what pushed it is \`G.result.cause\`). The culprit loses outright.`,
    Deterrence: `derived per theater: Western naval presence + exercise, statement, arms and UN Command markers + ${R.partnerDeterrence} if a partner there is at level ${B.partnerDeterrenceFrom}+ − gray-zone markers. A _deterrence marker_ (\`G.deterrence\`) lasts until upkeep, until the next summit, or for good.`,
    'Economic exposure': `South Korea's exposure to Chinese economic retaliation, ${track('exposure')}. Makes China's Wedge easier against South Korea and lowers South Korea's margin.`,
    Effect: `one typed change to the game (\`src/content/effects.ts\`): \`track\`, \`partnership\`, \`grayZone\`, \`faitAccompli\`, \`deterrence\`, \`influence\`, \`actionPoints\`, \`margin\`, \`roll\` (a seeded d6 against a target, with success and failure effects), \`choice\` (a seat picks one of several options) and \`interpret\` (readings of an inject, each owning some faces of a die). Injects, scenario specials and White Cell changes are all lists of effects; nothing else can change the game outside the moves.`,
    'Emboldening, hedging': `the credibility signal as each side feels it: China's coercion rolls (Strait pressure, quarantine, Wedge) gain ${signed(c.modifier)} while Ukraine fails and lose ${c.modifier} while it holds; partners' upgrade rolls do the reverse (\`coercionModifier\`, \`hedgingModifier\` in \`src/rules/fronts.ts\`).`,
    'End-state signature': `one line that sums up how a game ended (ending, winner, the tracks' bands), counted over a sweep to show whether scenarios end differently (\`signature()\` in \`src/sim/measures.ts\`).`,
    'Escalation ladder': `China's rungs in the Taiwan Strait: gray zone, Strait pressure, quarantine (\`quarantineTaiwan\`). Each pays where Western deterrence around Taiwan is thin and backfires where it is not.`,
    Exports: `South Korea's defence exports track, ${track('exports')}; counts in South Korea's margin.`,
    'Failing-front alarm': `"Ukraine today may be East Asia tomorrow", read by Europe and Asia alike: at each upkeep that ends with the Ukraine front failing (${c.failingAt} or less), internationalization ${signed(B.failingFrontInternationalization)} (\`alarmAtFailingFront()\` in \`src/rules/fronts.ts\`; fired id \`failing-front-alarm\`).`,
    'Fait accompli': `a permanent Chinese marker (\`G.faitAccompli\`): at upkeep, in a zone with no Western unit, ${count(B.faitAccompliPerUpkeep)} gray-zone marker hardens into one. Each counts for China's margin.`,
    Fired: `how often a scenario special rule or a mechanism of the rules took effect in a game, by id (\`G.fired\`), read by the sweep lab.`,
    'Gray-zone marker': `Chinese pressure below the threshold of war (coast guard, militia) in the South China Sea, the Taiwan Strait or the East China Sea — nowhere else. Lowers deterrence and adds to pressure; a freedom-of-navigation operation can remove one.`,
    'Head start': `the margin some bot levels start with (\`Handicap.margin\`: ${Object.entries(DIFFICULTY)
      .filter(([, d]) => d.margin !== 0)
      .map(([l, d]) => `level ${l} ${signed(d.margin)}`)
      .join(', ')}), kept in \`G.marginBonus\`; in the two-seat game it moves the starting victory points.`,
    'Home-port link': `the US-East — US-West link (\`kind: 'home-port'\`), which only US units (Seventh Fleet, US carrier groups) may use to change oceans.`,
    Incident: `what a freedom-of-navigation operation's natural ${N.freedomOfNavigation.incidentFace} causes: tension ${signed(N.freedomOfNavigation.incidentTension)} more and a card from the incident deck, charged to the seat that sailed if it brings war. Japan's FONOP is a transit, not a challenge, and has none.`,
    Inject: `a scenario event card (\`src/content/data/injects.json\`): an id, a title, a few sentences, a deck (\`main\`, \`incident\` or \`seminar\`) and a list of effects. One main inject is drawn at the start of every turn; a scenario may put chosen injects on top (\`firstInjects\`).`,
    Internationalization: `${track('internationalization')}: how far outsiders are involved in China's quarrels with its neighbours — the article's central idea. High values hurt China's margin and help Japan's and NATO's.`,
    'Investment screening': `NATO's move (\`screenInvestment\`, ${screening.cost} AP, ${screening.needs.charAt(0).toLowerCase()}${screening.needs.slice(1)}): ${screening.does} — Europe's answer to Chinese port stakes.`,
    Lambaste: `China's reaction (${MOVE_CATALOGUE.lambaste.cost} AP) after a Western gain: it cancels ${count(N.lambaste.cancel)} point of that gain. Lambastes after the first ${N.lambaste.free === 1 ? '' : `${count(N.lambaste.free)} `}in the same turn give internationalization ${signed(N.lambaste.internationalization)} ("no amount of complaining from Beijing will reverse" it, as the article puts it). A _free_ Lambaste (after a summit or an India upgrade) does not count toward that penalty.`,
    Link: `an adjacency between neighbouring spaces, with a movement cost (${count(usual)}${long.map((l) => `, or ${l.cost} for the long route from the ${name(l.a)} round Africa to the ${name(l.b)}`).join('')}) and a kind: sea, coast, border, home-port.`,
    Margin: `a seat's victory score ([RULES.md §8](RULES.md#8-victory)), checked at each summit. +${B.suddenDeath} or more at a summit from turn ${B.suddenDeathFromTurn} wins at once (\`BALANCE.suddenDeath\`); otherwise the highest margin at the end wins. A \`margin\` effect adds to it directly.`,
    'Material aid': `China's hidden move: a face-down marker that costs Ukraine ${N.sendMaterialAid.upkeepUkraine} each upkeep until Intelligence reveals it, or until an upkeep ends with the front failing while China holds more than ${N.sendMaterialAid.hiddenWhileFailing} hidden (a pipeline is found out: fired id \`aid-found-out\`); revealed, it costs China dearly.`,
    'Matrix argument': `under free adjudication, a seat's stated action, intended result and reasons, with the typed effects it would have (\`proposeArgument\`); the White Cell rates how likely it is and a die decides, the likelier the more faces succeed.`,
    'National priority': `each seat's secret extra goal (\`src/content/data/priorities.json\`), drawn at setup from the seat's list and scored at the end if met, worth the margin it names. Only its own seat (and the White Cell) can see it.`,
    'Non-player actor': `an actor no player commands: Russia and North Korea act from tables at upkeep; Taiwan, India, Australia–New Zealand, Malaysia–Singapore and the ASEAN claimants act through tracks, markers and partnership rolls.`,
    Overreach: `a NATO deployment east of Suez while Ukraine's front fails or a PLA group is in the Euro-Atlantic: cohesion ${signed(-B.overreachCohesion)} (\`eastOfSuez()\` in \`src/rules/fronts.ts\`; fired id \`overreach\`).`,
    Partnership: `the level, 0–${N.upgradePartnership.maxLevel}, of NATO's ties with an Indo-Pacific partner: Japan, South Korea, Australia–New Zealand, India. India starts _untested_ until a partnership roll reveals it.`,
    Pip: `a step of progress on a partnership track; ${count(R.pipsPerLevel)} pips make a level.`,
    'Policy probe': `a bot that plays one track to the extreme (all-in on Ukraine, all gray zone, …; \`--bots SEAT=probe:NAME\`, \`src/content/probes.ts\`), measured against the seat's balanced bot on paired seeds to show that no one-track policy wins.`,
    'Port influence': `Chinese and Western influence (\`G.influence\`) in the contested ports: North Sea ports, Mediterranean ports, Malaysia–Singapore. The side with more controls the port.`,
    Posture: `the China bot's stance, Restraint or Coercion; a scenario sets the starting posture.`,
    Power: `one of the White Cell's moves (\`whiteForceInject\`, \`whiteRewind\`, …): an entry of \`WHITE_RULES\` in \`src/rules/white-cell.ts\`, with its arguments, when it may be used, and its change. A power that _runs on_ lets the game continue afterwards (a war is settled, the turn advances); the others only change the White Cell's record or wait for the table.`,
    Presence: `a naval unit's contribution to deterrence in its theater (${presence.join(', ')}).`,
    Pressure: `derived per theater: gray-zone + fait-accompli markers + crisis level + Chinese naval presence.`,
    Quarantine: `China's top rung (\`quarantineTaiwan\`, Taiwan Crisis ${B.quarantine.fromCrisis}+): held, a fait accompli; defied, China climbs down (crisis, face and internationalization, not war). In the Taiwan Strait crisis only a quarantine takes the crisis to ${TRACKS.taiwanCrisis[1]}, which raises internationalization at each upkeep, and tension unless China's quarantine holds uncontested (\`quarantine-at-crisis-5\`).`,
    Rewind: `the White Cell's return to the start of an earlier turn (\`whiteRewind\`); the line left behind is kept as a branch.`,
    'Roll-off': `how a two-seat tie (victory points at 0 at the end) is settled in scenarios with the \`two-seat-tie-roll-off\` special rule: one die from the game's stream, ${R.twoSeat.rollOff}+ the West.`,
    'Rules version': `the version of the rules a game was played under, ${RULES_VERSION} today (\`RULES_VERSION\`, \`src/content/rules-version.ts\`). A saved game records it; one saved under another version is refused with a message naming both, since its moves would replay into a different game.`,
    Scenario: `a JSON file in \`scenarios/\` (format \`eat-scenario/1\`): turns, seat variants, starting tracks, partnerships, units, markers, first injects and special rules. Check one with \`npm run validate -- FILE.json\`.`,
    'Shells for Ukraine': `South Korea's arms move (\`shellsForUkraine\`), whose argument is the route, each once per turn: **via Europe** (${N.shellsForUkraine.viaEurope.ap} AP) refills the Western stockpile quietly — Seoul's 2023 choice; **to Kyiv** (${N.shellsForUkraine.toKyiv.ap} AP, partnership ${N.shellsForUkraine.toKyiv.partnerFrom}+) may reach the front but NATO's public ask costs tension and exposure, and in the Korean crisis deterrence in Korea (\`direct-transfer-costs-korea-deterrence\`).`,
    'Sea zone': `one of the ${SEA_ZONES.length} sea spaces where naval units move and gray-zone markers lie. Naval units never enter land, except US units passing through their home ports.`,
    Seat: `one of the playable factions: China, NATO, Japan, South Korea (\`china\`, \`nato\`, \`japan\`, \`korea\`). A player may hold several seats; every empty seat is played by a bot.`,
    'Seat variant': `how many players share the seats: the 4-player game (one seat each), the 3-player game (Japan and South Korea together), the 2-player game (the West — NATO, Japan and South Korea — against China, on one shared victory-point track). \`PLAYERS_BY_VARIANT\` in \`src/content/seats.ts\`.`,
    Seed: `the number from which all of a game's dice follow; the same seed and actions replay the same game exactly. Hidden from every player.`,
    Space: `one of the ${SPACES.length} areas of the map: ${SEA_ZONES.length} sea zones and ${LAND_SPACES.length} land spaces.`,
    'Special rule': `a scenario rule the engine knows by id (\`src/content/specials.ts\`), e.g. \`japan-bases-essential\`, \`dprk-rolls-twice\`.`,
    Stockpile: `the Western stockpile of arms on hand, ${track('stockpile')}: shells to Ukraine and arms to Asia come out of it, South Korean exports and shells refill it, and it sets NATO's action points (${natoAp()} per round).`,
    Summit: `NATO's Summit move (once a year, cohesion ${N.summit.cohesionFrom}+): internationalization up, China gets a free Lambaste, Japan and South Korea choose whether to attend. Also the scoring step at the end of turns ${summitTurns()} and of the last turn, when margins are checked.`,
    'Summit attendance': `after a NATO summit and China's answer, Japan and South Korea (partnership ${B.summit.guestsFrom}+) each choose whether their leader attends (a choice, like an inject's).`,
    Tension: `${track('tension')}: how close the world is to war. Changes by ${signed(R.upkeep.tension)} at each upkeep. At ${WAR_AT} the game ends in war, and the seat whose action pushed it there loses outright.`,
    Theater: `one of the regions for deterrence and scoring: ${THEATERS.map((t) => THEATER_NAMES[t]).join(', ')}. ${MAP.spaces
      .filter((s) => !s.theater)
      .map((s) => s.name)
      .join(', ')
      .replace(/, ([^,]*)$/, ' and $1')} belong to none.`,
    Turn: `half a year: inject, the action rounds, upkeep, and (every ${count(B.summitTurns)} turns) the summit.`,
    'Ukraine front': `${track('ukraine')}: how well Ukraine holds. Russia grinds it down at upkeep; at ${TRACKS.ukraine[0]} it collapses, cohesion falls by ${R.collapse.cohesion} and the front re-forms at ${R.collapse.reformsAt}.`,
    Unit: `a naval unit on the map (\`UNIT_TYPES\` in \`src/content/seats.ts\`): US Seventh Fleet, US and UK carrier strike groups, UK offshore patrol vessels, French rotation, German transit, Japan's Maritime Self-Defense Force, PLA Navy group. Some are permanent, others leave after the turns their move gives them.`,
    Upkeep: `the end-of-turn step: the Russia and North Korea tables, the failing-front alarm, gray-zone markers hardening into faits accomplis, deployment timers, stockpile ${signed(R.upkeep.stockpile)}, tension ${signed(R.upkeep.tension)}.`,
    'White Cell': `the optional umpire seat of a seminar: sees everything; holds, replaces, forces or writes injects; overrides rolls and tracks with a written reason; rewinds to the start of a turn. Every White Cell act is a logged, replayable action.`,
  };
}

/** The glossary's entries, alphabetical. */
function glossary(): string {
  return Object.entries(entries())
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(([term, text]) => wrap(`**${term}** — ${text}`))
    .join('\n\n');
}

export const GLOSSARY_BLOCKS: Record<string, () => string> = { glossary };
