/**
 * The bots' own thresholds: how the scripted opponents read the board. These are balance numbers
 * too (docs/BALANCE.md), kept apart from the game's numbers in src/content/balance.ts.
 */
export const TUNING = {
  /** Highest tension a bot risks reaching with its own move; the FONOP's incident counts in full. */
  maxTension: 7,
  /** Upkeep rolls the bots gamble on (0: none; each point lets them sit one step closer to war). */
  upkeepRisk: 0,
  /** Above this tension the seat a war would be charged to counts `riskPerTension` margin per step against a state. */
  riskFromTension: 7,
  riskPerTension: 2,
  /** In the 2-seat game (a war loses the whole side) both sides leave this much more room for the upkeeps; the cap stays. */
  teamTensionMargin: 1,
  /**
   * The last throw (gamble.ts): on the final turn a seat behind the leader's margin by this much (within
   * one good roll's reach) takes a move whose bad roll means war, if that roll comes at most this often.
   */
  gamble: { behind: [1, 2] as const, worstOdds: 1 / 3 },
  /** How much a seat's judgement of a state (read.ts `standing`) counts the strongest other seat's margin against its own. */
  rivalWeight: 0.5,
  /** Work toward the seat's own national priority in the last this-many turns. */
  priorityTurns: 2,
  china: {
    /** Tension from which China turns quiet (Wedge, Port, or pass). */
    quietAtTension: 8,
    restraintAtTension: 7,
    restraintAtInternationalization: 13,
    coercionAtTension: 4,
    coercionAtInternationalization: 8,
    /** The West counts as stretched (time for the axis) when the arsenal is this low and the front not holding. */
    stretchedAtStockpile: 4,
    /** Climb a rung of the ladder (Strait pressure, quarantine) when it succeeds at least this often. */
    climbAtOdds: { coercion: 0.34, restraint: 0.67 },
    /** Under the standing quarantine, press the Strait at the quarantine's rung (no crisis left to gain) only at or below this tension. */
    pressAtCapTension: 4,
    /** Declare a quarantine of Taiwan when it holds at least this often (a defied one is a climb-down that costs face). */
    quarantineAtOdds: 4 / 6,
    /** The 2-seat China plays for one victory-point track a climb-down costs outright: it declares only a near-certain quarantine. */
    quarantineAtOddsTwoSeat: 5 / 6,
    backyardAtTension: 6,
    /** Backyard presence once NATO has this many of its own ships east of Suez. */
    backyardAtNatoShips: 1,
    /** Invest in a port that this much more influence would win (2 = one investment, 4 = two). */
    portReach: 4,
  },
  nato: {
    /** Ship shells at once when the front is this low. */
    shellsAtUkraine: 3,
    /** Otherwise ship shells while the front is below this and the stockpile at least `shellsKeepStockpile`. */
    shellsBelowUkraine: 8,
    shellsKeepStockpile: 4,
    /** Arms to partners or Taiwan only while the stockpile is at least this. */
    armsKeepStockpile: 3,
    /** In the final summit's two turns, shells before arms east from this stockpile while the front is at most holding. */
    lastTurnShellsStockpile: 1,
    /** FONOPs only at or below this tension. */
    fonopAtTension: 6,
  },
  /**
   * The Expert's search (expert.ts): this share of the kinds of legal move as candidates (the flowchart's
   * choice is one; at least `minCandidates`), each weighed on `lookAheads` look-aheads to the next summit.
   * Kinds, not moves: NATO's 60 legal moves are 17 kinds, 14 of them carrier deployments (docs/BALANCE.md §10).
   * `rivalWeight` 0: a look-ahead plays the others as scripted bots, so a rival term aims at the scripted
   * game's leader, not the real one (docs/BALANCE.md §17); a win or loss at the horizon still counts.
   */
  expert: { share: 0.2, minCandidates: 2, lookAheads: 8, rivalWeight: 0 },
  korea: { toKyivAtTension: 6 },
};
