/** The game state `G`: plain JSON keyed by stable string ids (ARCHITECTURE.md convention 5). */
import type { Effect, Reading } from '../content/effects';
import type {
  BySeat,
  MoveName,
  Partner,
  Port,
  Role,
  Seat,
  SpaceId,
  Theater,
  Track,
  UnitKind,
  Variant,
  WhiteMoveName,
} from '../content/ids';

export type Phase = 'action' | 'ended';

/** A naval unit on the map. `owner` is the seat that commands it. */
export interface Unit {
  id: string;
  kind: UnitKind;
  owner: Seat;
  space: SpaceId;
  presence: number;
  /** Turn at whose upkeep the unit leaves the map; null = permanent. */
  leavesAfterTurn: number | null;
}

/** A deterrence marker in a theater (statement, exercise, arms, UN Command…). */
export interface DeterrenceMarker {
  id: string;
  theater: Theater;
  value: number;
  source: string;
  until: 'upkeep' | 'summit' | 'permanent';
}

/** A hidden Material-aid marker; `revealed` ones are public. */
export interface AidMarker {
  id: string;
  revealed: boolean;
}

export interface PartnershipTrack {
  /** Level 0–4; India starts `untested` (null) until its first partnership roll reveals it. */
  level: number | null;
  /** Progress pips toward the next level (two make a level). */
  pips: number;
}

/** A decision the game waits for before anything else can happen. */
export type Pending =
  | { kind: 'choice'; seat: Seat; source: string; prompt: string; options: { label: string; effects: Effect[] }[] }
  | {
      kind: 'lambaste';
      seat: 'china';
      /** The Western move whose gain China may cancel. */
      trigger: { seat: Seat; move: MoveName; summary: string };
      /** What one point of the gain is: applying it cancels that point. */
      cancel: Effect[];
      /** A free Lambaste does not count toward the per-turn penalty. */
      free: boolean;
      /** What follows China's answer, whatever it is (the partners' summit attendance). */
      then?: Effect[];
    }
  | { kind: 'futures'; seat: 'nato'; /** The top injects NATO is looking at (hidden from others). */ cards: string[] }
  /** The White Cell must approve `action` (tension 8+ with approval on) before it happens. */
  | { kind: 'approval'; seat: Seat; action: Action; /** Shown to others in place of a hidden move. */ covert?: boolean }
  /** A matrix argument waiting for the White Cell's rating. */
  | { kind: 'adjudication'; seat: Seat; argument: Argument }
  /** An inject open to interpretation, waiting for the White Cell to choose its reading. */
  | { kind: 'reading'; source: string; prompt: string; options: Reading[] };

/** A matrix-style argument: what a seat does, the result it wants, why, and the typed effects if it succeeds. */
export interface Argument {
  action: string;
  result: string;
  reasons: string;
  effects: Effect[];
}

/** A copy of the state without its own history (what snapshots and branches hold). */
export type Snapshot = Omit<GameState, 'white'>;

/** The White Cell's controls and the record it keeps; absent in games without a White Cell. */
export interface WhiteCell {
  paused: boolean;
  /** Actions at tension 8+ need the White Cell's approval. */
  requireApproval: boolean;
  /** Readings of injects go to the table's die, not the White Cell (set when bots play on unattended). */
  tableReadings?: boolean;
  /** Free (matrix) adjudication allowed for this game. */
  adjudication: 'rigid' | 'free';
  /** The next turn's inject draw is held (skipped). */
  hold: boolean;
  /** Turn number → inject id to draw instead of the top card. */
  schedule: Record<string, string>;
  /** d6 faces the White Cell has fixed for the next rolls, first first. */
  forcedRolls: number[];
  /** Free-text injects written during play, by id. */
  written: Record<string, { title: string; text: string; effects: Effect[] }>;
  /** The state at the start of each turn, for rewinds. */
  snapshots: { turn: number; state: Snapshot }[];
  /** Abandoned branches, each as it stood when it was left. */
  /** `state` is null in a seat's view: only the White Cell sees an abandoned line. */
  branches: {
    leftAtTurn: number;
    reason: string;
    state: Snapshot | null;
    snapshots: { turn: number; state: Snapshot }[];
  }[];
}

/** One line of the public game log, in plain words. */
export interface LogEntry {
  turn: number;
  round: number;
  seat: Seat | 'white' | null;
  kind: 'move' | 'inject' | 'roll' | 'upkeep' | 'summit' | 'end' | 'track' | 'white';
  /** The White Cell's written reason, on its acts and on the lines of its readings and ratings. */
  reason?: string;
  text: string;
  /** Dice rolled for this entry, raw d6 faces. */
  rolls?: number[];
  /** Only these roles may read this line; absent = everyone. */
  visibleTo?: Role[];
}

/**
 * What pushed tension to 10: a seat's own action (`seat`, including a choice it made), an incident its
 * FONOP drew (`incident`), an inject, North Korea's or Russia's table, another upkeep rule (`upkeep`), or
 * a White Cell override.
 */
export type WarCause = 'seat' | 'incident' | 'inject' | 'north-korea' | 'russia' | 'upkeep' | 'white-cell';

/** How a game ended: war at the top of tension, a sudden-death summit, or the final summit. */
export type Ending = 'war' | 'sudden-death' | 'final-summit';

export interface GameResult {
  ending: Ending;
  /** Winning seat (2-seat variant: 'china' or 'nato' standing for the West). */
  winner: Seat | null;
  /**
   * The seat a war is charged to: the one whose action pushed tension to 10, else the one that added the
   * most tension over this turn and the last (ties: the latest). Null only when no war, or no seat ever
   * added tension.
   */
  culprit: Seat | null;
  /** What pushed tension to 10 (null when the game did not end in war). */
  cause: WarCause | null;
  margins: BySeat<number>;
  turn: number;
}

/**
 * A bot level's setup bonus (docs/BALANCE.md): extra action points per round, added to the seat's rolls,
 * and a head start on the score (its margin; in the 2-seat game, the side's victory points).
 */
export interface Handicap {
  ap: number;
  roll: number;
  margin: number;
}
/** A handicap as setup data carries it (older saves have no margin). */
export type HandicapInput = Partial<BySeat<{ ap: number; roll: number; margin?: number }>>;

export interface GameState {
  scenario: string;
  variant: Variant;
  /** boardgame.io playerID → the roles that player holds. */
  players: Record<string, Role[]>;
  turn: number;
  lastTurn: number;
  /** Action round within the turn: 1 or 2. */
  round: 1 | 2;
  phase: Phase;
  /** Index into the round order (SEATS) of the seat now acting. */
  active: Seat;
  ap: BySeat<number>;
  /** Each seat's bot-level bonus (none for people). */
  handicap: BySeat<Handicap>;
  passed: BySeat<boolean>;
  tracks: Record<Track, number>;
  partnership: Record<Partner, PartnershipTrack>;
  units: Unit[];
  grayZone: Partial<Record<SpaceId, number>>;
  faitAccompli: Partial<Record<SpaceId, number>>;
  deterrence: DeterrenceMarker[];
  influence: Record<Port, { china: number; west: number }>;
  aid: AidMarker[];
  /** China's Russia-attrition bonus for the next upkeep (Tacit support). */
  tacitSupport: number;
  /** CCDCOE shield: cancels China's next cyber effect. */
  cyberShield: boolean;
  /** Lambastes China has used this turn (the second and later give internationalization +1). */
  lambastes: number;
  /** Once-a-year and once-per-game flags, keyed by a short name (`summit-1`, `uk-opv`…). */
  used: Record<string, boolean>;
  /** Inject deck: ids, top first. Hidden from every player. */
  deck: string[];
  incidentDeck: string[];
  /** Ids of injects already resolved, in order. Public. */
  discard: string[];
  /** Each seat's secret national priority id. */
  priority: BySeat<string>;
  /** Tension each seat's moves added (the tie-breaker: lower wins). */
  tensionAdded: BySeat<number>;
  /** Tension each seat added, turn by turn (index 0 = turn 1): who a war nobody pushed is charged to. */
  tensionByTurn: BySeat<number>[];
  /** Seats in the order they last added tension, latest last (breaks a tie over a war's culprit). */
  tensionLatest: Seat[];
  /** How often each scenario special rule and v2 mechanism took effect, by id (for the sweep lab). */
  fired: Record<string, number>;
  /** Victory-point adjustments from moves and injects (e.g. China's Backyard presence). */
  marginBonus: BySeat<number>;
  pending: Pending | null;
  /** China's starting posture from the scenario; the China bot flips it by state. */
  posture: 'restraint' | 'coercion';
  /** Scenario special rules in force (ids from the scenario file). */
  specials: string[];
  /** A monotonic counter for ids of units and markers made during play. */
  nextId: number;
  log: LogEntry[];
  result: GameResult | null;
  /** The White Cell's controls and record; null when the game has no White Cell. */
  white: WhiteCell | null;
}

/** A move as data: what the legal-move list returns and a saved game records. */
export interface Action {
  move: MoveName;
  args: unknown[];
}

/** A White Cell power as data (its last argument is always the written reason). */
export interface WhiteAction {
  move: WhiteMoveName;
  args: unknown[];
}

/** Anything a saved game records: a seat's action or a White Cell act. */
export type AnyAction = Action | WhiteAction;
