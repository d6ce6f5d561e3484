/**
 * The turn's own fixed steps outside the moves (upkeep, the front's collapse, partnership pips), read by
 * the rules and written into docs/RULES.md, docs/GLOSSARY.md and the tooltips from here, never retyped.
 * Design-wide tunables live in BALANCE (balance.ts); each move's steps in MOVE_NUMBERS (move-numbers.ts).
 */
export const RULE_NUMBERS = {
  /** Every upkeep the arsenal refills a little and tempers cool. */
  upkeep: { stockpile: 1, tension: -1 },
  /** Russia's roll is `modifier` lower while the stockpile is `stockpileFrom`+ (a supplied front holds better). */
  russia: { stockpileFrom: 7, modifier: 1 },
  /** North Korea's roll is `modifier` higher at DPRK Threat `threatFrom`+. */
  northKorea: { threatFrom: 3, modifier: 1 },
  /** The Ukraine front at 0 collapses: cohesion falls by `cohesion` and the front re-forms at `reformsAt`. */
  collapse: { cohesion: 3, reformsAt: 2 },
  /** The US Seventh Fleet's presence (it is on the map from the start; no move deploys it). */
  seventhFleetPresence: 2,
  /** The UK's offshore patrol vessels' presence (on station from the start in every scenario: the 2021 deployment; no move places them). */
  ukOpvPresence: 1,
  /** From this tension on, a White Cell that asks to approve sees every action before it happens. */
  approvalTension: 8,
  /** Matrix adjudication: the White Cell rates an argument 1 to `ratings`; it succeeds on d6 ≥ `target` − rating. */
  matrix: { ratings: 5, target: 7 },
  /** Partnership pips that make a level. */
  pipsPerLevel: 2,
  /** Deterrence a partner at BALANCE.partnerDeterrenceFrom+ adds in its theaters. */
  partnerDeterrence: 1,
  /** Taiwan Strait crisis (`quarantine-at-crisis-5`): each upkeep at the top of the Taiwan Crisis track. */
  quarantineUpkeep: { tension: 1, internationalization: 1 },
  /** A blockade that holds is contested once deterrence around Taiwan reaches the crisis: each upkeep a ship runs it on this or more, tension +1. */
  blockadeRun: { onRoll: 5 },
  /** Korean Peninsula crisis (`direct-transfer-costs-korea-deterrence`): deterrence each shipment of shells to Kyiv costs in Korea. */
  directTransferKoreaDeterrence: 1,
  /**
   * Korean Peninsula crisis (`dprk-threatens-japan`): each level of DPRK Threat above `above` costs Japan `perLevel` margin;
   * each Japanese FONOP in the South China Sea, its destroyers far from missile defence, costs it `fonop`.
   */
  dprkOverJapan: { above: 1, perLevel: 1, fonop: 1 },
  /** The margins' fixed weights (BALANCE holds the tuned ones): China 2 × ports + ⌊(top − int.) / 2⌋; Japan ⌊int. / 4⌋ + ⌊(Ukraine − from) / 2⌋. */
  margin: { chinaPorts: 2, chinaRestraint: 2, japanAsia: 4, japanSignal: 2 },
  /** Two-seat summit: each item is worth ±`item`; internationalization and Ukraine count from these; a tie's roll-off needs `rollOff`+. */
  twoSeat: { item: 1, internationalizationFrom: 10, ukraineFrom: 5, ukraineFailingAt: 2, rollOff: 4 },
} as const;
