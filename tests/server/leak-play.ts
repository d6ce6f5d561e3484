/** Plays one whole game headless through the server's own gate and bot, checking every delivery of every step for every viewer. */
import type { LogEntry as ActionLogEntry, State } from 'boardgame.io';
import { eastAsiaBot, viewLog } from '../../src/server/east-asia';
import { deliveryFilter } from '../../src/server/match-service';
import type { GameState } from '../../src/rules';
import {
  learn,
  leaksIn,
  makeMove,
  newKnowledge,
  nextActor,
  startGame,
  streamFrom,
  type GamePlan,
  type LeakCounts,
} from './leak-games';

/** Every sync (a reload) is checked this often, besides every update. */
const SYNC_EVERY = 25;

/**
 * What of an update is searched for secret strings each step: the log lines this viewer has not been
 * checked on yet and the action log. A line, once clean, stays clean (secrets only get fewer as cards
 * are drawn; a card that was public once stays exempt); the rest of the state is checked by shape every
 * step (deck, priorities, aid, Futures, the White Cell's plans) and searched whole at every sync.
 */
function newLinesOnly(update: { args: unknown[] }, checked: Map<string, number>, viewer: string): unknown {
  const s = update.args[1] as State;
  const log = (s.G as GameState).log;
  const from = Math.min(checked.get(viewer) ?? 0, log.length);
  // A rewind shortens the log: read it all again.
  const start = log.length < (checked.get(viewer) ?? 0) ? 0 : from;
  checked.set(viewer, log.length);
  const G = { players: (s.G as GameState).players, log: log.slice(start) };
  return { type: 'update', args: [update.args[0], { G }, update.args[2]] };
}

export interface PlayedGame {
  steps: number;
  over: boolean;
  leaks: string[];
}

export async function playThroughGate(plan: GamePlan, counts: LeakCounts): Promise<PlayedGame> {
  const { state: initial, reduce, game } = startGame(plan);
  const filter = deliveryFilter(game, viewLog);
  const viewers: (string | null)[] = [...Object.keys((initial.G as GameState).players), null];
  const k = newKnowledge();
  const rng = streamFrom(`${plan.seed}/umpire`);
  const botRng = Object.fromEntries(viewers.map((p) => [String(p), streamFrom(`${plan.seed}/bot/${p}`)]));
  const rewound = { done: false };
  const log: ActionLogEntry[] = [];
  const leaks: string[] = [];
  const checked = new Map<string, number>();
  let state: State = initial;
  let steps = 0;
  for (let tries = 0; state.ctx.gameover === undefined && tries < 5000; tries++) {
    const G = state.G as GameState;
    const actor = nextActor(G, rng, rewound);
    if (!actor) break;
    let action;
    if (actor.white) action = makeMove(actor.white.move, actor.white.args, actor.playerID);
    else {
      const view = filter(actor.playerID, { type: 'update', args: ['m', state] }).args[1] as State;
      const choice = await eastAsiaBot(view, actor.playerID, plan.levels[actor.playerID]!, botRng[actor.playerID]!);
      if (!choice) break;
      action = makeMove(choice.move, choice.args, actor.playerID);
    }
    const next = reduce(state, action);
    if (next._stateID === state._stateID) {
      if (actor.white) continue;
      leaks.push(`the bot's move was refused at step ${steps}`);
      break;
    }
    state = next;
    steps++;
    log.push(...(state.deltalog ?? []));
    learn(k, state.G as GameState);
    const sync = steps % SYNC_EVERY === 0;
    for (const v of viewers) {
      const who = v === null ? 'spectator' : `player ${v}`;
      const update = filter(v, { type: 'update', args: ['m', state] });
      for (const l of leaksIn(update, state, v, k, counts, newLinesOnly(update, checked, String(v))))
        leaks.push(`step ${steps}, update to ${who}: ${l}`);
      if (!sync) continue;
      const info = { state, log, initialState: initial, filteredMetadata: [] };
      const d = filter(v, { type: 'sync', args: ['m', info as never] });
      for (const l of leaksIn(d, state, v, k, counts)) leaks.push(`step ${steps}, sync to ${who}: ${l}`);
    }
    if (leaks.length > 20) break;
  }
  return { steps, over: state.ctx.gameover !== undefined, leaks };
}
