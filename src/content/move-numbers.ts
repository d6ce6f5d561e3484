/**
 * Each move's own numbers, read by the rules (src/rules/moves/) and written into the catalogue's
 * sentences (moves.ts), so what a player reads and what the game does cannot drift apart.
 * Design-wide tunables live in BALANCE (balance.ts); these are the moves' fixed steps.
 */
export const MOVE_NUMBERS = {
  /** A Western gain China may answer: the Lambaste cancels this much of it; Lambastes after `free` in a turn internationalize. */
  lambaste: { cancel: 1, free: 1, internationalization: 1 },
  statement: { deterrence: 1 },
  leaderVisit: { pips: 1, kyivCohesion: 1 },
  exercise: { partnerFrom: 2, deterrence: 2, pips: 1, tension: 1 },
  summit: { cohesionFrom: 5, cohesion: 1, tension: 1 },
  deployCarrierGroup: { reach: 3, usPresence: 3, ukPresence: 2, turns: 2, contestedTension: 1 },
  rotateFrenchForces: { atMost: 2, presence: 1, turns: 2 },
  transit: { reach: 4, presence: 1, turns: 1, internationalization: 1 },
  freedomOfNavigation: {
    target: 4,
    grayZone: 1,
    internationalization: 1,
    incidentFace: 1,
    incidentTension: 2,
    tension: 1,
    /** Japan's destroyers join from this many sea zones away, sailing a transit, not a challenge: no incident. */
    japanReach: 2,
  },
  buildUpDefence: { atMost: 3, presence: 1 },
  shipShells: { stockpile: 1, ukraine: 1 },
  /**
   * South Korea's shells, one move whose route is the choice: via Europe they refill the Western arsenal fastest
   * (Seoul's 2023 choice); to Kyiv they may reach the front (`target`+) but NATO's public ask costs tension and exposure.
   */
  shellsForUkraine: {
    viaEurope: { ap: 1, stockpile: 2 },
    toKyiv: { ap: 2, partnerFrom: 2, target: 4, ukraine: 2, stockpile: 1, pips: 1, tension: 1, exposure: 1 },
  },
  /**
   * From DPRK Threat `homeFrom` the guns sold come out of the army's own stocks: `homeDeterrence` off Korea for good
   * ("Shells from Korean factories"). So do guns sold while the North threatens and Seoul has not yet held this turn's
   * nonproliferation conference (the conference's `threatFrom`): Seoul answers the North before it sells abroad.
   */
  exportDefence: { stockpile: 1, pips: 1, exports: 1, homeFrom: 4, homeDeterrence: 1 },
  armPartner: { partnerFrom: 1, taiwanBlockedAt: 5, deterrence: 1, tension: 1, taiwanTension: 2 },
  /** Roll + modifiers ≥ `target` + level; Japan, NATO's oldest partner, rolls +1, India, wedded to nonalignment, −1. */
  upgradePartnership: { maxLevel: 4, target: 3, levels: 1, japan: 1, india: -1 },
  consultFutures: { peek: 3 },
  /** The West's answers in the port race: its own stake up and a filled Chinese stake (`cutFrom`) cut back, so it can be won back. */
  consultFpda: { influence: 1, chinaInfluence: 1, cutFrom: 6 },
  screenInvestment: { influence: 1, chinaInfluence: 1, cutFrom: 6 },
  /** The sending states reinforce while the North threatens: DPRK Threat `threatFrom`+ (a quiet peninsula banks no markers for a summit). */
  reinforceUnCommand: { threatFrom: 3, atMost: 3, deterrence: 1 },
  holdNonproliferationConference: { threatFrom: 1, dprkThreat: 1 },
  joinCcdcoe: { pips: 1 },
  gatherIntelligence: { target: 5 },
  /** Influence per investment; cohesion each summit costs per port China controls. */
  investInPort: { influence: 2, summitCohesionPerPort: 1 },
  projectBackyardPresence: {
    atMost: 2,
    presence: 1,
    turns: 2,
    influence: 1,
    tension: 1,
    cohesion: 1,
    internationalization: 1,
  },
  supportTacitly: { attrition: 1 },
  /** Hidden markers at most; each costs Ukraine `upkeepUkraine` every upkeep; a revealed one has the world react. */
  sendMaterialAid: {
    atMost: 2,
    upkeepUkraine: 1,
    /** Hidden markers that stay hidden through an upkeep ending with the front failing; the world finds the rest. */
    hiddenWhileFailing: 1,
    revealed: { tension: 2, internationalization: 2, cohesion: 1, chinaMargin: 2 },
  },
  pressStrait: { taiwanCrisis: 1, tension: 1, margin: 1, internationalization: 1 },
  quarantineTaiwan: {
    taiwanCrisis: 1,
    faitAccompli: 1,
    japanPips: 1,
    defied: { internationalization: 2, taiwanCrisis: -1, margin: -1 },
  },
  driveWedge: { partnerFrom: 1, target: 3, pips: 1, influence: 1 },
} as const;
