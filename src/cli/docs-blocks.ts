/**
 * The parts of docs/RULES.md that state a rule's number, written from the constants the rules play by
 * (BALANCE, MOVE_NUMBERS, RULE_NUMBERS, TRACKS, the move catalogue, the difficulty table, the scenarios).
 * `npm run docs:rules` puts each block between its markers (docs.ts); the prose around them states no
 * number a constant owns (tests/content/docs-generated.test.ts).
 */
import { DIFFICULTY } from '../ai/difficulty';
import { BALANCE } from '../content/balance';
import { LAND_SPACES, SEA_ZONES, SPACES, THEATERS, TRACKS, WEST, type Seat, type Track } from '../content/ids';
import { injectById, INJECTS } from '../content/injects';
import { MAP } from '../content/map';
import { MOVE_CATALOGUE, costText, type MoveCategory, type MoveInfo } from '../content/moves';
import { MOVE_NUMBERS } from '../content/move-numbers';
import { RULE_NUMBERS } from '../content/rule-numbers';
import { PLAYED_SCENARIOS, SPECIALS } from '../content/scenario';
import { SEAT_NAMES } from '../content/seats';
import { RULES_VERSION } from '../content/rules-version';
import { PARTNER_NAMES, PARTNERS_IN, THEATER_NAMES, trackTitle } from '../rules';

const B = BALANCE;
const N = MOVE_NUMBERS;
const R = RULE_NUMBERS;
const [, WAR_AT] = TRACKS.tension;

/** A signed change as the rules write it: +2, −1. */
export const signed = (n: number): string => (n < 0 ? `−${-n}` : `+${n}`);
/** A constant at the end of a formula: `− 11`, `+ 2`. */
const term = (n: number) => (n < 0 ? `− ${-n}` : `+ ${n}`);
const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** A small count in words ("two pips"); larger ones in digits. */
export const count = (n: number): string => COUNT_WORDS[n] ?? String(n);

/** A track's range as the tracks table writes it: "0–10", "−20…+20". */
export function range(t: Track): string {
  const [lo, hi] = TRACKS[t];
  return lo < 0 ? `${signed(lo)}…${signed(hi)}` : `${lo}–${hi}`;
}

/** A d6 table's rows as faces: "1", "3–5", "6+" (the last row takes every total above). */
function faces(table: readonly { atMost: number }[]): string[] {
  return table.map((r, i) => {
    const lo = i === 0 ? 1 : table[i - 1]!.atMost + 1;
    if (i === table.length - 1) return `${lo}+`;
    return lo === r.atMost ? `${lo}` : `${lo}–${r.atMost}`;
  });
}

/** Words wrapped at 100 columns, continuation lines indented (Prettier keeps Markdown prose as written). */
export function wrap(text: string, indent = '', first = ''): string {
  const lines: string[] = [];
  let line = first;
  let fresh = true;
  // A line must not start with "+", "-" or "1." (Markdown would read a list): such a word keeps its follower.
  const words = text.split(' ').reduce<string[]>((out, w) => {
    const last = out.at(-1);
    if (last !== undefined && /^([+*-]|\d+[.)])$/.test(last)) out[out.length - 1] = `${last} ${w}`;
    else out.push(w);
    return out;
  }, []);
  for (const word of words) {
    if (!fresh && (line + ' ' + word).length > 100) {
      lines.push(line);
      line = indent + word;
    } else line = fresh ? line + word : `${line} ${word}`;
    fresh = false;
  }
  lines.push(line);
  return lines.join('\n');
}

/** A Markdown table; Prettier pads it. */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const row = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
}

/** Who may play a move, as the tables name them. */
function seatWords(seats: readonly Seat[]): string {
  if (seats.length === WEST.length && WEST.every((s) => seats.includes(s))) return 'West';
  return seats.map((s) => SEAT_NAMES[s]).join(', ');
}

const CATEGORIES: readonly [MoveCategory, string][] = [
  ['deterrence', 'Deterrence'],
  ['naval', 'Naval deployment'],
  ['arms', 'Arms supply'],
  ['diplomacy', 'Diplomacy and cyber'],
  ['china', 'China'],
];

/** §5: every seat move of the catalogue, by category, in the catalogue's own words. */
function moves(): string {
  const all = Object.values(MOVE_CATALOGUE) as MoveInfo[];
  const sections = CATEGORIES.map(([category, title]) => {
    const rows = all
      .filter((m) => m.category === category)
      .map((m) => [category === 'china' ? m.name : `${m.name} (${seatWords(m.seats)})`, costText(m), m.needs, m.does]);
    return `### ${title}\n\n${table(['Move', 'AP', 'Needs', 'Does'], rows)}`;
  });
  const intro = wrap(
    `Costs are in action points (AP). Rolls are d6. "Pip" = a step of a partnership level (${count(R.pipsPerLevel)} make a level).`,
  );
  return [intro, ...sections].join('\n\n');
}

/** §5: China's answer to a Western gain. */
function lambaste(): string {
  const L = N.lambaste;
  const free =
    L.free === 1 ? 'The first Lambaste each turn is free' : `The first ${count(L.free)} Lambastes each turn are free`;
  return wrap(
    `After a Western move that **gains** something — a statement, a leader visit, an exercise, a summit, a successful partnership upgrade, a transit or FONOP that internationalizes, arms, UN Command, CCDCOE — play stops and China may **Lambaste** (${MOVE_CATALOGUE.lambaste.cost} AP) or let it pass. A Lambaste cancels ${count(L.cancel)} point of that gain. ${free}; **every further Lambaste in the same turn gives internationalization ${signed(L.internationalization)}** ("no amount of complaining … will reverse"). The Lambastes that a summit or an India upgrade grant are always free and do not count.`,
  );
}

/** §3: the tracks and what they do at their ends. */
function tracks(): string {
  const c = R.collapse;
  const notes: Partial<Record<Track, string>> = {
    tension: `**At ${WAR_AT} the game ends in war** (§8). ${signed(R.upkeep.tension)} at every upkeep.`,
    internationalization: `How far others are in China's quarrels.`,
    ukraine: `At ${TRACKS.ukraine[0]} the front collapses: cohesion ${signed(-c.cohesion)}, and the front re-forms at ${c.reformsAt}. Read in Asia (§11).`,
    stockpile: `Arms on hand for both fronts: shells to Ukraine and arms to Asia; sets NATO's action points.`,
    exposure: `China's Wedge hits South Korea harder as it rises.`,
    exports: `Counts in South Korea's margin.`,
    vp: 'Two-seat variant only.',
  };
  const rows: string[][] = [];
  for (const t of Object.keys(TRACKS) as Track[]) {
    rows.push([trackTitle(t), range(t), notes[t] ?? '']);
    if (t === 'stockpile')
      rows.push([
        'Partnership',
        `0–${N.upgradePartnership.maxLevel}`,
        `For Japan, South Korea, Australia–NZ and India; ${count(R.pipsPerLevel)} **pips** make a level.`,
      ]);
  }
  return table(['Track', 'Range', 'Notes'], rows);
}

/** §3: how deterrence is counted, and which partner deters where. */
function deterrence(): string {
  const where = Object.entries(PARTNERS_IN)
    .filter(([, ps]) => ps.length)
    .map(
      ([t, ps]) =>
        `${ps.map((p) => PARTNER_NAMES[p]).join(' and ')} → ${THEATER_NAMES[t as keyof typeof THEATER_NAMES]}`,
    );
  return wrap(
    `**Deterrence** in a theater = Western naval presence there + deterrence markers (statements, exercises, arms, UN Command) + ${R.partnerDeterrence} if a partner of that theater is at level ${B.partnerDeterrenceFrom}+ − gray-zone markers. Partners by theater: ${where.join('; ')}.`,
  );
}

/** The Russia and North Korea tables as one sentence each. */
function russiaTable(): string {
  const f = faces(B.russiaTable);
  return B.russiaTable
    .map((r, i) => `${f[i]} ${r.text}${r.ukraine ? ` (Ukraine ${signed(r.ukraine)})` : ''}`)
    .join('; ');
}
function northKoreaTable(): string {
  const f = faces(B.northKoreaTable);
  return B.northKoreaTable
    .map((r, i) => {
      const what = [
        r.dprkThreat && `DPRK Threat ${signed(r.dprkThreat)}`,
        r.tension && `tension ${signed(r.tension)}`,
        r.internationalization && `internationalization ${signed(r.internationalization)}`,
      ].filter(Boolean);
      return `${f[i]} ${r.text}${what.length ? ` (${what.join(', ')})` : ''}`;
    })
    .join('; ');
}

/** NATO's action points by stockpile: "7+ → 4, 4–6 → 3, 0–3 → 2". */
export function natoAp(): string {
  const rows = [...B.natoApByStockpile].sort((a, b) => b.atLeast - a.atLeast);
  return rows
    .map((r, i) => (i === 0 ? `${r.atLeast}+ → ${r.ap}` : `${r.atLeast}–${rows[i - 1]!.atLeast - 1} → ${r.ap}`))
    .join(', ');
}

/** The summit turns of the longest scenario: "2, 4, 6, 8". */
export function summitTurns(): string {
  const last = Math.max(...PLAYED_SCENARIOS.map((s) => s.turns));
  const turns: number[] = [];
  for (let t = B.summitTurns; t <= last; t += B.summitTurns) turns.push(t);
  return turns.join(', ');
}

/** §4: the turn, step by step. */
function turn(): string {
  const ru = R.russia;
  const nk = R.northKorea;
  const q = R.quarantineUpkeep;
  const ap = B.apPerRound;
  const item = (n: number, text: string) => wrap(text, '   ', `${n}. `);
  const sub = (text: string) => wrap(text, '     ', '   - ');
  const baseline = PLAYED_SCENARIOS[0]!;
  return [
    wrap(`A turn is half a year; a game is ${baseline.turns} turns unless the scenario says otherwise.`),
    '',
    item(1, '**Inject.** The top card of the hidden inject deck is resolved. Some ask a seat to choose.'),
    item(
      2,
      `**Two action rounds**, in the order China, NATO, Japan, South Korea. In each round a seat gets its action points and spends them on moves one at a time, or passes. A seat with no points left passes automatically. Action points per round: **China ${ap.china}, Japan ${ap.japan}, South Korea ${ap.korea}, NATO by stockpile** (${natoAp()}). Unspent points are lost.`,
    ),
    item(3, '**Upkeep.**'),
    sub(
      `_Russia_ grinds: it rolls a d6 + China's tacit support − ${ru.modifier} if the stockpile is ${ru.stockpileFrom}+: ${russiaTable()}. Each Material-aid marker, hidden or not, costs Ukraine a further ${signed(-N.sendMaterialAid.upkeepUkraine)}. If the front is then failing (Ukraine ${B.credibility.failingAt} or less), internationalization ${signed(B.failingFrontInternationalization)}, and China's hidden Material-aid markers beyond ${count(N.sendMaterialAid.hiddenWhileFailing)} are found out: each is revealed as by Intelligence, but without the tension (§11).`,
    ),
    sub(`_North Korea_ rolls a d6 (+${nk.modifier} at DPRK Threat ${nk.threatFrom}+): ${northKoreaTable()}.`),
    sub(
      `_Taiwan quarantine_ (scenario rule \`quarantine-at-crisis-5\`): at Taiwan Crisis ${TRACKS.taiwanCrisis[1]}, internationalization ${signed(q.internationalization)} and tension ${signed(q.tension)}. While China's last quarantine held (a blockade in force), the tension comes only once Western deterrence around Taiwan reaches the crisis and a ship runs the blockade (a roll of ${R.blockadeRun.onRoll}+). China declared it, so this tension is recorded as China's, and a war it brings — or any war while the blockade holds — is China's own doing.`,
    ),
    sub(
      `In each sea zone with gray-zone markers and no Western unit, ${count(B.faitAccompliPerUpkeep)} gray-zone marker${B.faitAccompliPerUpkeep === 1 ? ' becomes a' : 's become'} permanent **fait-accompli** marker${B.faitAccompliPerUpkeep === 1 ? '' : 's'}.`,
    ),
    sub('Units whose deployment has run out leave; statement markers lapse.'),
    sub(`Stockpile ${signed(R.upkeep.stockpile)}, tension ${signed(R.upkeep.tension)}.`),
    item(
      4,
      `**Summit** (end of turns ${summitTurns()}, and the last turn): NATO cohesion ${signed(-N.investInPort.summitCohesionPerPort)} for each port China controls; exercise and UN Command markers lapse; margins are scored; victory is checked (§8).`,
    ),
  ].join('\n');
}

/** The bot levels' head starts: "level 4 +1, level 5 +2, level 6 +3". */
export function headStarts(): string {
  return Object.entries(DIFFICULTY)
    .filter(([, d]) => d.margin !== 0)
    .map(([level, d]) => `level ${level} ${signed(d.margin)}`)
    .join(', ');
}

/** §8: the margins and how a game ends. */
function victory(): string {
  const m = B.margin;
  const w = R.margin;
  const [, top] = TRACKS.internationalization;
  const bullet = (text: string) => wrap(text, '  ', '- ');
  const vp = R.twoSeat;
  return [
    '**Margins** (checked at each summit):',
    '',
    bullet(
      `NATO = cohesion + min(Ukraine, ${B.credibility.holdingAt}) + ⌊internationalization / ${B.natoAsiaDivisor}⌋ ${term(m.nato)}`,
    ),
    bullet(
      `China = fait-accompli markers + ${w.chinaPorts} × ports China controls + ⌊(${top} − internationalization) / ${w.chinaRestraint}⌋ + min(${B.axisCap}, max(0, ${B.axisFrom} − Ukraine)) ${term(m.china)}`,
    ),
    bullet(
      `Japan = Japan partnership + deterrence(Taiwan & ECS) − pressure there + ⌊internationalization / ${w.japanAsia}⌋ + ⌊(Ukraine − ${B.ukraineSignalFrom}) / ${w.japanSignal}⌋ ${term(m.japan)}`,
    ),
    bullet(
      `South Korea = South Korea partnership + deterrence(Korea) − DPRK Threat + exports − exposure ${term(m.korea)}`,
    ),
    '',
    wrap(
      `plus margin points won or lost by moves and injects (e.g. Strait pressure ${signed(N.pressStrait.margin)}, revealed aid ${signed(-N.sendMaterialAid.revealed.chinaMargin)}), and a bot's head start (below). The constants are balance numbers (their first shape: [DESIGN.md §7](DESIGN.md#7-victory)); [BALANCE.md](BALANCE.md) records why each moved.`,
    ),
    '',
    bullet(
      `**Sudden death:** at a summit from turn ${B.suddenDeathFromTurn} on, a seat with margin +${B.suddenDeath} or more wins at once (the highest such margin; ties go to the seat that added less tension).`,
    ),
    bullet(
      `**Final summit:** each seat's national priority adds its value if met; the highest margin wins. Ties go to the seat whose moves added less tension, then to seat order.`,
    ),
    bullet(
      `**War:** when tension reaches ${WAR_AT}, the game ends at once. The seat whose action pushed it there **loses outright** (as in Twilight Struggle's DEFCON); the others are ranked by margin. **Every war has a culprit:** if an inject, North Korea or another upkeep rule pushed it over, the war is charged to the seat whose moves added the most tension over this turn and the last (over the whole game if none did; ties: the seat that added tension most recently), and that seat loses. An incident drawn by a FONOP is charged to the seat that sailed. Parking tension at ${WAR_AT - 1} is a gamble, not a plan.`,
    ),
    bullet(
      `**Two-seat variant:** at each summit the West gains (or loses) victory points: ${signed(vp.item)}/${signed(-vp.item)} for each Indo-Pacific theater where deterrence exceeds pressure (or the reverse), ${signed(vp.item)} if internationalization is ${vp.internationalizationFrom}+ (else ${signed(-vp.item)}), ${signed(vp.item)}/${signed(-vp.item)} to whoever controls more of the ports, ${signed(vp.item)} if Ukraine is ${vp.ukraineFrom}+ (${signed(-vp.item)} if ${vp.ukraineFailingAt} or less). From turn ${B.suddenDeathFromTurn}, ±${B.vpSuddenDeath} wins at once; at the end a positive track means the West wins, negative China. A track at 0 is settled as the scenario says: by a **roll-off** (\`two-seat-tie-roll-off\`: a die, ${vp.rollOff}+ the West), to one side (\`two-seat-tie-to-west\`, \`two-seat-tie-to-china\`), or by default to the side that added less tension. War: the culprit's side loses.`,
    ),
    bullet(
      `**Bot levels:** some bot levels start ahead on the score (${headStarts()}; in the two-seat game the West's strongest bot's head start, minus China's, moves the starting victory points), besides their extra action points and roll bonus. The start screen's difficulty menu says what each level gives.`,
    ),
  ].join('\n');
}

/** §11: v2's mechanisms with their numbers. */
function v2(): string {
  const c = B.credibility;
  const item = (n: number, text: string) => wrap(text, '   ', `${n}. `);
  return [
    wrap(
      `The rules version is ${RULES_VERSION} (\`src/content/rules-version.ts\`); a game saved under other rules is refused with a message naming both versions (§10).`,
    ),
    '',
    item(
      1,
      `**One Western arsenal.** Shells to Ukraine and arms to partners or Taiwan spend the same stockpile. Russia grinds the front down unless it is supplied (§4). South Korea's production refills the arsenal fastest (its shells via Europe ${signed(N.shellsForUkraine.viaEurope.stockpile)}).`,
    ),
    item(
      2,
      `**"Ukraine today may be East Asia tomorrow."** A failing front (Ukraine ${c.failingAt} or less) **emboldens** China (${signed(c.modifier)} on Strait pressure, quarantine and Wedge rolls) and makes partners **hedge** (${signed(-c.modifier)} on partnership upgrade rolls); a holding front (${c.holdingAt}+) does the reverse. Japan's margin counts Ukraine; NATO's counts the front up to where it holds (min(Ukraine, ${c.holdingAt})): shells beyond it win Ukraine ground, not the alliance's standing.`,
    ),
    item(
      3,
      `**Little appetite to expand.** NATO's margin counts internationalization, but each NATO deployment east of Suez (carrier group arriving in the Indo-Pacific, French rotation, transit into the Indo-Pacific, arms to a partner or Taiwan) costs cohesion ${signed(-B.overreachCohesion)} (**overreach**) while Ukraine is ${c.failingAt} or less or a PLA group is in the Euro-Atlantic.`,
    ),
    item(
      4,
      `**An escalation ladder China chooses to climb:** gray zone (no tension) → Strait pressure → quarantine. Each rung's roll subtracts Western deterrence around Taiwan, so it pays where deterrence is thin and backfires where it is not. Western answers add tension too (FONOP, a carrier arriving in contested waters, arms to Taiwan).`,
    ),
    item(5, '**Every war has a culprit** (§8).'),
    item(
      6,
      `**The axis pays China:** a failing front counts in China's margin (min(${B.axisCap}, max(0, ${B.axisFrom} − Ukraine))), so Tacit support and hidden Material aid are worth their risk, and Intelligence is worth buying. No move pays a flat margin point per use. **But the West takes note:** at each upkeep that ends with the front failing (Ukraine ${c.failingAt} or less), internationalization ${signed(B.failingFrontInternationalization)} — Europe and Asia draw together — and it looks for who feeds Russia: ${count(N.sendMaterialAid.hiddenWhileFailing)} hidden Material-aid marker can stay hidden, the rest are revealed (China's margin ${signed(-N.sendMaterialAid.revealed.chinaMargin)} each).`,
    ),
    item(
      7,
      `**Allies decide together:** Japan and South Korea choose whether to attend each NATO summit; South Korea chooses the route of its shells for Ukraine each turn: to Kyiv (the front, standing with NATO, but tension and exposure) or via Europe (the arsenal, quietly — Seoul's 2023 choice).`,
    ),
    item(8, '**Scenarios diverge:** see §9 and the measured end states in [BALANCE.md](BALANCE.md).'),
  ].join('\n');
}

/** §2: the board, counted from the map. */
function board(): string {
  const spaceName = (id: string) => MAP.spaces.find((s) => s.id === id)!.name;
  const none = MAP.spaces.filter((s) => !s.theater).map((s) => s.name);
  const long = MAP.links
    .filter((l) => l.cost > 1)
    .map((l) => `The long route from the ${spaceName(l.a)} to the ${spaceName(l.b)} costs ${l.cost}.`);
  return wrap(
    `${SPACES.length} spaces from the North Atlantic to the East Pacific: ${SEA_ZONES.length} sea zones and ${LAND_SPACES.length} land spaces, grouped in ${count(THEATERS.length)} **theaters** — ${THEATERS.map((t) => THEATER_NAMES[t]).join(', ')}. ${none.join(', ').replace(/, ([^,]*)$/, ' and $1')} belong to no theater. Naval units move through sea zones only. ${long.join(' ')}`.trim(),
  );
}

/** A die's faces as a range: "1–3", "6". */
const faceRange = (f: readonly number[]) => (f.length === 1 ? `${f[0]}` : `${f[0]}–${f.at(-1)}`);

/** §6: the seminar injects open to interpretation, with the faces of the first one's readings. */
function interpretation(): string {
  const cards = INJECTS.filter((c) => c.deck === 'seminar');
  const first = cards[0]!;
  const e = first.effects.find((x) => x.op === 'interpret');
  if (!e || e.op !== 'interpret') throw new Error(`seminar inject "${first.id}" is not open to interpretation`);
  const readings = e.readings.map((o) => `${faceRange(o.faces)} ${o.label.replace(/^An? /, (a) => a.toLowerCase())}`);
  const titles = cards.map((c) => `"${c.title}"`).join(' and ');
  return wrap(
    `**Injects open to interpretation.** Some injects are news whose meaning is the question: ${titles} offer several **readings**, each with its own effects. With a White Cell the game waits while the umpire chooses a reading and writes why; without one the table decides: a die is rolled and each reading owns some of its faces (for "${first.title}": ${readings.join('; ')}). The log says which reading was taken and who chose it, for every seat, and a saved game replays it exactly. These seminar cards are never shuffled into the deck: a scenario may open with one, and the White Cell may force or schedule one.`,
  );
}

/** §9: the scenarios side by side, from their files. */
function scenarios(): string {
  const opens = (ids: readonly string[]) =>
    ids.map((id) => `Opens with the inject "${injectById(id)?.title ?? id}".`).join(' ');
  const specials = (ids: readonly string[]) =>
    ids.map((id) => `\`${id}\`: ${SPECIALS[id as keyof typeof SPECIALS]}`).join(' ');
  return table(
    ['', ...PLAYED_SCENARIOS.map((s) => s.name)],
    [
      ['Turns', ...PLAYED_SCENARIOS.map((s) => String(s.turns))],
      [
        'Special rules',
        ...PLAYED_SCENARIOS.map((s) => [opens(s.firstInjects), specials(s.specials)].filter(Boolean).join(' ') || '—'),
      ],
    ],
  );
}

/** docs/RULES.md's generated blocks by marker name. */
export const RULES_BLOCKS: Record<string, () => string> = {
  board,
  tracks,
  deterrence,
  turn,
  moves,
  lambaste,
  interpretation,
  victory,
  scenarios,
  v2,
};
