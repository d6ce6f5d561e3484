/** Every tunable number of the design in one place, so balance is measured and changed as data (docs/DESIGN.md §8). */
export const BALANCE = {
  /** Action points per action round (half the per-turn figure of docs/DESIGN.md §4). */
  apPerRound: { china: 4, japan: 2, korea: 2 },
  /** NATO's action points per round by Western stockpile: 7+ → 4, 4–6 → 3, ≤3 → 2. */
  natoApByStockpile: [
    { atLeast: 7, ap: 4 },
    { atLeast: 4, ap: 3 },
    { atLeast: 0, ap: 2 },
  ],
  /** Margin constants (docs/RULES.md §8). */
  margin: { nato: -11, china: -14, japan: -5, korea: -6 },
  /** NATO's margin counts Asia: ⌊internationalization / this⌋ (and Ukraine up to `credibility.holdingAt`). */
  natoAsiaDivisor: 4,
  /** Ukraine's front read in Asia: at most `failingAt` it fails (China emboldened, partners hedge); at least `holdingAt` it holds; either moves those rolls by `modifier`. */
  credibility: { failingAt: 3, holdingAt: 7, modifier: 1 },
  /** Japan's margin counts ⌊(Ukraine − this) / 2⌋. */
  ukraineSignalFrom: 5,
  /** China's margin counts min(axisCap, max(0, axisFrom − Ukraine)): the axis pays while the West is distracted, up to a cap. */
  axisFrom: 5,
  axisCap: 1,
  /** Internationalization each upkeep adds while Ukraine's front fails (the article's thesis, read by both ends of Eurasia). */
  failingFrontInternationalization: 1,
  /** Cohesion lost by a NATO deployment east of Suez while the front fails or the PLA is in the backyard. */
  overreachCohesion: 1,
  /** Stockpile each arms delivery to a partner or Taiwan spends (one arsenal for both fronts). */
  armsStockpile: 1,
  /** A partner at this level or more adds 1 deterrence in its theaters. */
  partnerDeterrenceFrom: 3,
  /** NATO Summit: internationalization it adds; partners at `guestsFrom`+ choose whether to attend. */
  summit: {
    internationalization: 2,
    guestsFrom: 2,
    attend: { internationalization: 1, pips: 1, koreaExposure: 1, japanTension: 1 },
  },
  /** Taiwan Strait crisis: US ships count for Taiwan & the East China Sea only while Japan's partnership is this or more. */
  japanBasesFrom: 3,
  /** Strait pressure pays China a margin point on d6 + crisis + emboldening − deterrence(Taiwan) ≥ this. */
  straitTarget: 4,
  /** China's quarantine of Taiwan: legal from this Taiwan Crisis; succeeds on d6 + crisis + emboldening − deterrence ≥ target. */
  quarantine: { fromCrisis: 4, target: 6, tension: 2 },
  /** A margin this high at a summit from `suddenDeathFromTurn` on wins at once. */
  suddenDeath: 6,
  suddenDeathFromTurn: 4,
  /** Two-seat variant: |vp| this high at such a summit wins at once. */
  vpSuddenDeath: 10,
  /** Gray-zone markers in a zone with no Western unit that turn into fait-accompli markers per upkeep. */
  faitAccompliPerUpkeep: 1,
  /** Russia table: d6 + tacit support − (stockpile 7+ ? 1 : 0) → Ukraine change; it grinds about 1 a turn. */
  russiaTable: [
    { atMost: 1, ukraine: 1, text: 'the Russian offensive stalls' },
    { atMost: 2, ukraine: 0, text: 'the front holds' },
    { atMost: 5, ukraine: -1, text: 'Russia grinds forward' },
    { atMost: 99, ukraine: -2, text: 'a Russian breakthrough' },
  ],
  /** North Korea table: d6 + (DPRK Threat 3+ ? 1 : 0). */
  northKoreaTable: [
    { atMost: 2, dprkThreat: -1, tension: 0, internationalization: 0, text: 'a quiet half-year in Pyongyang' },
    { atMost: 4, dprkThreat: 1, tension: 0, internationalization: 0, text: 'a missile test' },
    { atMost: 5, dprkThreat: 1, tension: 1, internationalization: 0, text: 'a missile over Japan' },
    { atMost: 99, dprkThreat: 1, tension: 1, internationalization: 1, text: 'a nuclear test' },
  ],
  /** Points a met national priority adds at the end (each priority names its own value). */
  summitTurns: 2,
} as const;
