/** Every tunable number of the design in one place, so balance is measured and changed as data (GAME.md §8). */
export const BALANCE = {
  /** Action points per action round (half the per-turn figure of GAME.md §4). */
  apPerRound: { china: 4, japan: 2, korea: 2 },
  /** NATO's action points per round by Western stockpile: 7+ → 4, 4–6 → 3, ≤3 → 2. */
  natoApByStockpile: [
    { atLeast: 7, ap: 4 },
    { atLeast: 4, ap: 3 },
    { atLeast: 0, ap: 2 },
  ],
  /** Margin constants of GAME.md §7. */
  margin: { nato: -10, china: -10, japan: -6, korea: -5 },
  /** A margin this high at a summit from `suddenDeathFromTurn` on wins at once. */
  suddenDeath: 6,
  suddenDeathFromTurn: 4,
  /** Two-seat variant: |vp| this high at such a summit wins at once. */
  vpSuddenDeath: 10,
  /** Gray-zone markers in a zone with no Western unit that turn into fait-accompli markers per upkeep. */
  faitAccompliPerUpkeep: 1,
  /** Russia table: d6 + tacit support − (stockpile 7+ ? 1 : 0) → Ukraine change. */
  russiaTable: [
    { atMost: 2, ukraine: 1, text: 'the Russian offensive stalls' },
    { atMost: 4, ukraine: 0, text: 'the front holds' },
    { atMost: 6, ukraine: -1, text: 'Russia grinds forward' },
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
