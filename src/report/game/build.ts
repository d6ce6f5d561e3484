/**
 * The after-action report's data: a saved game replayed action by action, with every track and
 * margin before and after each action, what each action logged (rolls, injects, upkeep), the White
 * Cell's acts with their reasons, the hidden moves, and what the scripted bot would have done at
 * each human decision. Everything here is plain JSON and deterministic (the golden test pins it).
 */
import { chooseAction } from '../../ai/index';
import { DEFAULT_LEVEL, type BotLevel } from '../../content/bot-spec';
import { SEEDS, streamFrom } from '../../random';
import { SEATS, TRACK_IDS, type BySeat, type Role, type Seat, type WhiteMoveName } from '../../content/ids';
import { priorityById } from '../../content/priorities';
import { scenarioById } from '../../content/scenario';
import {
  isConditionMet,
  margins,
  playerView,
  replaySaved,
  type Dice,
  type GameState,
  type LogEntry,
} from '../../rules';
import { hotwashPrompts, type SaveFile } from '../../content/save-file';
import { proposeHotwash } from './hotwash';
import {
  REPORT_FORMAT,
  type BotAdvice,
  type Report,
  type ReportAction,
  type ReportEvent,
  type ReportTurn,
  type Swing,
  type Tracks,
  type WhiteAct,
} from './report';
import { answerStudy, type SweepEvidence } from './study';

/** The scripted bot's level used for "what would the bot have done": the canonical flowchart, no bonus. */
export const ADVICE_LEVEL: BotLevel = DEFAULT_LEVEL;

export interface BuildOptions {
  /** Skip the bot comparison (it costs one scripted decision per human action). */
  advice?: boolean;
  /** Biggest swings kept per seat. */
  swingsPerSeat?: number;
  /** An assumption sweep's sensitivity.json, as evidence for the study question. */
  sweep?: SweepEvidence;
}

const tracksOf = (G: GameState): Tracks => Object.fromEntries(TRACK_IDS.map((t) => [t, G.tracks[t]])) as Tracks;
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function eventOf(e: LogEntry, action: number | null): ReportEvent {
  return {
    action,
    turn: e.turn,
    round: e.round,
    seat: e.seat,
    kind: e.kind,
    text: e.text,
    rolls: e.rolls ? [...e.rolls] : [],
    reason: e.reason ?? null,
    hiddenFrom: e.visibleTo
      ? (['china', 'nato', 'japan', 'korea', 'white'] as Role[]).filter((r) => !e.visibleTo!.includes(r))
      : null,
  };
}

/** Lines an action added to the log. A rewind replaces the log with an older one: only its own line is new. */
function newEntries(before: readonly LogEntry[], after: readonly LogEntry[]): LogEntry[] {
  const n = before.length;
  if (after.length >= n && (n === 0 || after[n - 1] === before[n - 1])) return after.slice(n);
  return after.length ? [after[after.length - 1]!] : [];
}

/** Build the report of `save`, replayed with `dice` (the save's seeded stream). */
export function buildReport(save: SaveFile, dice: Dice, options: BuildOptions = {}): Report {
  const advice = options.advice ?? true;
  const humanSeat = (seat: Role) => seat === 'white' || !save.bots?.[seat];
  const actions: ReportAction[] = [];
  let logBefore: LogEntry[] = [];
  let pre: { tracks: Tracks; margins: BySeat<number>; turn: number; round: number; bot: BotAdvice | null } | null =
    null;
  let adviceNote = `Level ${ADVICE_LEVEL} scripted bot, deciding from the seat's own view of the state before each human decision.`;
  let setup: { G: GameState; events: ReportEvent[] } | null = null;

  const { G } = replaySaved(save, dice, {
    before: (g, index, a) => {
      if (!setup) setup = { G: structuredClone(g), events: g.log.map((e) => eventOf(e, null)) };
      logBefore = [...g.log];
      let bot: BotAdvice | null = null;
      if (advice && a.seat !== 'white' && humanSeat(a.seat)) {
        try {
          const view = playerView(g, a.player);
          const d = chooseAction(
            view,
            a.seat,
            { kind: 'scripted', level: ADVICE_LEVEL },
            streamFrom(SEEDS.advice(save.seed, index)),
          );
          bot = {
            move: d.action.move,
            args: d.action.args,
            why: d.why,
            same: d.action.move === a.move && sameJson(d.action.args, a.args),
          };
        } catch (err) {
          adviceNote = `The scripted bot could not advise at every decision (first failure at action #${index}: ${(err as Error).message}).`;
        }
      }
      pre = { tracks: tracksOf(g), margins: margins(g), turn: g.turn, round: g.round, bot };
    },
    after: (g, index, a) => {
      const p = pre!;
      const events = newEntries(logBefore, g.log).map((e) => eventOf(e, index));
      actions.push({
        index,
        turn: p.turn,
        round: p.round,
        seat: a.seat,
        player: a.player,
        move: a.move,
        args: a.args,
        why: a.why ?? null,
        human: humanSeat(a.seat),
        hidden: events.some((e) => e.hiddenFrom !== null),
        rolls: events.flatMap((e) => e.rolls),
        events,
        tracksBefore: p.tracks,
        tracksAfter: tracksOf(g),
        marginsBefore: p.margins,
        marginsAfter: margins(g),
        bot: p.bot,
      });
    },
  });
  // A save with no actions: the setup is the final state.
  const start: { G: GameState; events: ReportEvent[] } = setup ?? {
    G: structuredClone(G),
    events: G.log.map((e) => eventOf(e, null)),
  };
  const seats: Seat[] = save.variant === 2 ? ['china', 'nato'] : [...SEATS];
  const initial = { tracks: tracksOf(start.G), margins: margins(start.G) };
  const controllers = Object.fromEntries(SEATS.map((s) => [s, save.bots?.[s] ?? 'person'])) as BySeat<string>;
  const decisions = actions.filter((a) => a.bot);

  const report: Report = {
    format: REPORT_FORMAT,
    game: {
      scenario: save.scenario,
      scenarioName: scenarioById(save.scenario)?.name ?? save.scenario,
      variant: save.variant,
      seed: save.seed,
      whiteCell: save.whiteCell ?? false,
      players: G.players,
      controllers,
      actions: save.actions.length,
      finalHash: save.finalHash ?? null,
    },
    result: G.result ? structuredClone(G.result) : null,
    seats,
    tracks: [...TRACK_IDS],
    initial,
    final: { turn: G.turn, tracks: tracksOf(G), margins: margins(G) },
    setupEvents: start.events,
    actions,
    turns: segmentTurns(start.events, actions, initial),
    swings: biggestSwings(actions, seats, options.swingsPerSeat ?? 5),
    whiteCell: whiteActs(actions),
    hidden: [...start.events, ...actions.flatMap((a) => a.events)].filter((e) => e.hiddenFrom !== null),
    priorities: SEATS.filter((s) => seats.includes(s) || save.variant !== 2).map((seat) => {
      const p = priorityById(G.priority[seat]);
      return {
        seat,
        id: G.priority[seat],
        text: p ? `${p.title} — ${p.text}` : G.priority[seat],
        met: p ? isConditionMet(G, p.condition) : false,
      };
    }),
    botAdvice: {
      level: ADVICE_LEVEL,
      note: advice ? adviceNote : 'Not computed for this report.',
      decisions: decisions.length,
      agreed: decisions.filter((a) => a.bot!.same).length,
    },
    study: null,
    hotwash: [],
  };
  const question = save.study?.question ?? null;
  if (question) report.study = answerStudy(report, question, options.sweep);
  report.hotwash = save.hotwash?.length ? hotwashPrompts(save) : proposeHotwash(report, question);
  return report;
}

/** Group the log into turn segments, in play order (a rewind starts a new segment of an earlier turn). */
function segmentTurns(
  setupEvents: ReportEvent[],
  actions: ReportAction[],
  initial: { tracks: Tracks; margins: BySeat<number> },
): ReportTurn[] {
  const turns: ReportTurn[] = [];
  const seen = new Map<number, number>();
  const open = (turn: number, firstAction: number, tracks: Tracks, marg: BySeat<number>): ReportTurn => {
    const replay = seen.get(turn) ?? 0;
    seen.set(turn, replay + 1);
    const seg: ReportTurn = {
      turn,
      replay,
      firstAction,
      lastAction: firstAction - 1,
      tracksStart: tracks,
      tracksEnd: tracks,
      marginsEnd: marg,
      events: [],
    };
    turns.push(seg);
    return seg;
  };
  let c: ReportTurn | null = null;
  for (const e of setupEvents) {
    if (!c || c.turn !== e.turn) c = open(e.turn, 0, initial.tracks, initial.margins);
    c.events.push(e);
  }
  for (const a of actions) {
    if (!c || c.turn !== a.turn) c = open(a.turn, a.index, a.tracksBefore, a.marginsBefore);
    c.lastAction = a.index;
    for (const e of a.events) {
      if (e.turn !== c.turn) {
        // Forward: the turn ends with this step (its upkeep and summit; the next inject resolves in the
        // same step). Backward, a rewind: the abandoned turn ended as it stood before it.
        const forward = e.turn > c.turn;
        c.tracksEnd = forward ? a.tracksAfter : a.tracksBefore;
        c.marginsEnd = forward ? a.marginsAfter : a.marginsBefore;
        c = open(e.turn, a.index + 1, a.tracksAfter, a.marginsAfter);
      }
      c.events.push(e);
    }
    c.tracksEnd = a.tracksAfter;
    c.marginsEnd = a.marginsAfter;
  }
  return turns;
}

function biggestSwings(actions: ReportAction[], seats: Seat[], perSeat: number): Swing[] {
  const out: Swing[] = [];
  for (const seat of seats) {
    const moves = actions
      .map((a) => ({ a, delta: a.marginsAfter[seat] - a.marginsBefore[seat] }))
      .filter((x) => x.delta !== 0)
      .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.a.index - y.a.index)
      .slice(0, perSeat);
    for (const { a, delta } of moves)
      out.push({
        seat,
        action: a.index,
        turn: a.turn,
        delta,
        by: a.seat,
        move: a.move,
        then: [
          ...new Set(
            a.events
              .map((e) => e.kind)
              .filter((k) => k === 'upkeep' || k === 'summit' || k === 'inject' || k === 'end'),
          ),
        ],
        text: a.events.map((e) => e.text).join(' · ') || a.move,
      });
  }
  return out;
}

function whiteActs(actions: ReportAction[]): WhiteAct[] {
  return actions
    .filter((a) => a.seat === 'white')
    .map((a) => ({
      action: a.index,
      turn: a.turn,
      round: a.round,
      move: a.move as WhiteMoveName,
      args: a.args.slice(0, -1),
      reason: String(a.args[a.args.length - 1] ?? ''),
      text: a.events.map((e) => e.text).join(' · '),
    }));
}
