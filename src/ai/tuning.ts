/**
 * The bots' own thresholds: how the scripted opponents read the board. These are balance numbers
 * too (docs/BALANCE.md), kept apart from the game's numbers in src/content/balance.ts.
 */
export const TUNING = {
  /** Highest tension a bot risks reaching with its own move; the FONOP's incident counts in full. */
  maxTension: 8,
  /** Upkeep rolls the bots gamble on (0: none; each point lets them sit one step closer to war). */
  upkeepRisk: 0,
  /** In the 2-seat game (one side per player) both sides keep this much further from war. */
  teamTensionMargin: 1,
  /** Work toward the seat's own national priority in the last this-many turns. */
  priorityTurns: 2,
  china: {
    /** Tension from which China turns quiet (Wedge, Port, or pass). */
    quietAtTension: 8,
    restraintAtTension: 7,
    restraintAtInternationalization: 13,
    coercionAtTension: 4,
    coercionAtInternationalization: 8,
    /** Coercion sends material aid when the Ukraine front is this low. */
    aidAtUkraine: 3,
    /** Coercion presses the Strait while deterrence around Taiwan is at most this. */
    straitAtDeterrence: 3,
    backyardAtTension: 6,
    /** Invest in a port that this much more influence would win (2 = one investment, 4 = two). */
    portReach: 4,
  },
  nato: {
    /** Ship shells at once when the front is this low. */
    shellsAtUkraine: 3,
    /** Otherwise ship shells while the front is below this and the stockpile at least `shellsKeepStockpile`. */
    shellsBelowUkraine: 8,
    shellsKeepStockpile: 4,
    /** FONOPs only at or below this tension. */
    fonopAtTension: 6,
  },
  japan: { fonopAtTension: 6 },
  korea: { directTransferAtTension: 6 },
};
