/** The after-action report's shape: plain JSON, built by build.ts and read by every export and the hotwash. */
import type { BySeat, MoveName, Role, Seat, Track, WhiteMoveName } from '../../content/ids';
import type { GameResult, LogEntry } from '../../rules';
import type { HotwashPrompt } from '../../content/save-file';

export const REPORT_FORMAT = 'eat-report/1';
export type Tracks = Record<Track, number>;

/** One line the game logged, as the report shows it. */
export interface ReportEvent {
  /** The action that produced it; null for setup. */
  action: number | null;
  turn: number;
  round: number;
  seat: Role | null;
  kind: LogEntry['kind'];
  text: string;
  rolls: number[];
  /** The White Cell's reason, on its acts. */
  reason: string | null;
  /** Hidden during play from the seats not listed. */
  hiddenFrom: Role[] | null;
}

export interface BotAdvice {
  move: string;
  args: unknown[];
  why: string;
  /** The person chose the same move with the same arguments. */
  same: boolean;
}

export interface ReportAction {
  index: number;
  turn: number;
  round: number;
  seat: Role;
  player: string;
  move: MoveName | WhiteMoveName;
  args: unknown[];
  why: string | null;
  /** A person made it (the seat is not a bot in the save, or the White Cell). */
  human: boolean;
  /** Any line it logged was hidden from some seats during play. */
  hidden: boolean;
  rolls: number[];
  events: ReportEvent[];
  tracksBefore: Tracks;
  tracksAfter: Tracks;
  marginsBefore: BySeat<number>;
  marginsAfter: BySeat<number>;
  /** What the scripted bot would have done (human seat decisions only). */
  bot: BotAdvice | null;
}

/** A stretch of play in one turn; a turn played again after a rewind is a second segment. */
export interface ReportTurn {
  turn: number;
  /** 0 the first time this turn is played, 1 after the first rewind into it, … */
  replay: number;
  /** Index range of the actions in it (first > last when it had none). */
  firstAction: number;
  lastAction: number;
  tracksStart: Tracks;
  tracksEnd: Tracks;
  marginsEnd: BySeat<number>;
  events: ReportEvent[];
}

export interface Swing {
  seat: Seat;
  action: number;
  turn: number;
  delta: number;
  by: Role;
  move: string;
  /** What else the step resolved besides the move (a turn's last pass runs upkeep, summit and the next inject). */
  then: LogEntry['kind'][];
  /** What the action logged (its cause in words). */
  text: string;
}

export interface WhiteAct {
  action: number;
  turn: number;
  round: number;
  move: WhiteMoveName;
  /** The arguments without the reason. */
  args: unknown[];
  reason: string;
  text: string;
}

export interface PriorityReveal {
  seat: Seat;
  id: string;
  text: string;
  met: boolean;
}

export interface Report {
  format: typeof REPORT_FORMAT;
  game: {
    scenario: string;
    scenarioName: string;
    variant: number;
    seed: string;
    whiteCell: boolean;
    players: Record<string, Role[]>;
    /** Who played each seat: `person` or the bot label from the save. */
    controllers: BySeat<string>;
    actions: number;
    finalHash: string | null;
  };
  result: GameResult | null;
  /** The seats scored (2-seat games: China and the West, standing as NATO). */
  seats: Seat[];
  tracks: Track[];
  initial: { tracks: Tracks; margins: BySeat<number> };
  final: { turn: number; tracks: Tracks; margins: BySeat<number> };
  setupEvents: ReportEvent[];
  actions: ReportAction[];
  turns: ReportTurn[];
  swings: Swing[];
  whiteCell: WhiteAct[];
  hidden: ReportEvent[];
  priorities: PriorityReveal[];
  botAdvice: { level: number; note: string; decisions: number; agreed: number };
  /** The seminar's study question answered from this game (and the attached sweep); null without one. */
  study: StudyAnswer | null;
  /** Discussion questions for the hotwash: the facilitator's edited list, else the report's own. */
  hotwash: HotwashPrompt[];
}

/** A prompt and the action it cites; its shape is the saved game's, so an edit keeps the citation. */
export type { HotwashPrompt };

export interface StudyAnswer {
  question: string;
  /** Sentences of evidence from this game. */
  game: string[];
  /** Sentences from the attached sweep, if any. */
  sweep: string[];
}
