/**
 * Match clocks (optional per match). `turn`: the player to act has `seconds` for each of their turns
 * (a turn lasts while they stay the one to act); `game`: each player has a bank of `seconds` for the
 * whole game, spent while they are the one to act. On time-out the seat either passes (the game's
 * timeout move) or a bot plays it (for the rest of that turn; in `game` mode until the player
 * returns). The match creator may pause, resume and extend. The clock waits (no deadline) until
 * every person's seat is taken or a person has moved, so nobody's time runs before they could join.
 * State lives in the match's options, so clocks survive restarts; every change is sent to the match
 * as a `clock` event.
 */
import type { Server as BgioServer } from 'boardgame.io';
import type { State } from 'boardgame.io';
import type { BotChoice, BotSeats } from './bots';
import type { OwnerGate } from './cluster/owner';
import { Refusal } from './hardening';
import type { ClockOptions, MatchOptions } from './lobby/options';
import type { Logger } from './log';
import type { MatchService } from './match-service';
import type { SqliteStorage } from './sqlite-storage';

/** What the clock needs to know about a game. */
export interface ClockSpec {
  /** The playerID whose decision the game waits for, or null (over, or everyone may act). */
  actor(state: State): string | null;
  /** The move a timed-out seat makes with `onTimeout: 'pass'`, from its own view; null lets the bot play instead. */
  timeoutMove(view: State, playerID: string): BotChoice | null;
}

export interface ClockState {
  actor: string | null;
  /** Epoch ms when the actor's time runs out; null when paused or nobody is to act. */
  deadline: number | null;
  paused: boolean;
  /** Time left (ms) per player: the bank in `game` mode; in `turn` mode only the actor's, while paused. */
  remaining: Record<string, number>;
  /** Seats a bot plays because their time ran out (`turn` mode: until the turn ends). */
  timedOut: string[];
  /** Not started yet: a person's seat is empty and no person has moved (absent in older matches = started). */
  waiting?: boolean;
}

/** Every seat that is not a bot's has a player. */
const everyoneSeated = (metadata: BgioServer.MatchData | undefined): boolean =>
  metadata !== undefined &&
  Object.values(metadata.players).every((p) => (p.data as { bot?: boolean } | undefined)?.bot || p.name);

/** What clients see (in `clock` events and the match's lobby data). */
export type PublicClock = ClockOptions & ClockState;

export interface ClocksOptions {
  service: MatchService;
  storage: SqliteStorage;
  bots: BotSeats | undefined;
  logger: Logger;
  spec: ClockSpec;
  emit: (matchID: string, clock: PublicClock) => void;
  /** Length of a clock second in ms (tests shorten it). */
  secondMs?: number;
  now?: () => number;
  /** In a cluster: only the match's owner arms its timer and acts on a time-out. */
  owner?: OwnerGate;
}

export class Clocks {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly secondMs: number;
  private readonly now: () => number;
  private stopped = false;

  constructor(private readonly opts: ClocksOptions) {
    this.secondMs = opts.secondMs ?? 1000;
    this.now = opts.now ?? Date.now;
  }

  private options(matchID: string): MatchOptions | undefined {
    return this.opts.storage.getOptions(matchID) as MatchOptions | undefined;
  }

  /** Re-reads the match after a commit (`byPerson`: a person moved), a creation, a join or a restart, and sets its timer. */
  update(matchID: string, state?: State, byPerson = false): void {
    const o = this.options(matchID);
    if (!o?.clock || this.stopped) return;
    const fetched = this.opts.storage.fetch(matchID, { state: state === undefined, metadata: true });
    const s = state ?? fetched.state;
    if (!s) return;
    const full = this.opts.spec.actor(s);
    const actor = s.ctx.gameover !== undefined ? null : full;
    const now = this.now();
    const budget = o.clock.seconds * this.secondMs;
    const prev = (o.clockState as ClockState | undefined) ?? {
      actor: null,
      deadline: null,
      paused: false,
      remaining: {},
      timedOut: [],
    };
    const wasWaiting = o.clockState === undefined || prev.waiting === true;
    const waiting = wasWaiting && !byPerson && !everyoneSeated(fetched.metadata);
    const next: ClockState = { ...prev, remaining: { ...prev.remaining }, timedOut: [...prev.timedOut], waiting };
    if (actor !== prev.actor) {
      if (o.clock.mode === 'game' && prev.actor !== null && prev.deadline !== null)
        next.remaining[prev.actor] = Math.max(0, prev.deadline - now);
      // A turn-mode stand-in ends with the turn it was called for.
      if (o.clock.mode === 'turn' && prev.actor !== null && next.timedOut.includes(prev.actor)) {
        next.timedOut = next.timedOut.filter((p) => p !== prev.actor);
        this.opts.bots?.setStandIn(matchID, prev.actor, null);
      }
      next.actor = actor;
      const left = actor === null ? 0 : o.clock.mode === 'game' ? (next.remaining[actor] ?? budget) : budget;
      if (next.paused || waiting) {
        next.deadline = null;
        if (actor !== null) next.remaining[actor] = left;
      } else next.deadline = actor === null ? null : now + left;
    } else if (wasWaiting && !waiting && !next.paused && actor !== null) {
      next.deadline = now + (next.remaining[actor] ?? budget);
    }
    this.save(matchID, o, next);
  }

  private save(matchID: string, o: MatchOptions, state: ClockState): void {
    this.opts.storage.setOptions(matchID, { ...o, clockState: state });
    this.arm(matchID, state);
    this.opts.emit(matchID, { ...o.clock!, ...state });
  }

  private arm(matchID: string, state: ClockState): void {
    const old = this.timers.get(matchID);
    if (old) clearTimeout(old);
    this.timers.delete(matchID);
    if (this.stopped || state.deadline === null || state.actor === null || state.timedOut.includes(state.actor)) return;
    if (this.opts.owner && !this.opts.owner.owns(matchID)) return this.opts.owner.handOver(matchID);
    const t = setTimeout(() => this.expire(matchID), Math.max(0, state.deadline - this.now()));
    t.unref?.();
    this.timers.set(matchID, t);
  }

  private expire(matchID: string): void {
    this.timers.delete(matchID);
    if (!this.opts.owner) return this.timeUp(matchID);
    // Fencing: an instance whose lease passed to another (it was paused, or cut off) does not act.
    this.opts.owner.confirm(matchID).then(
      (mine) => (mine ? this.timeUp(matchID) : this.opts.owner!.handOver(matchID)),
      (err: unknown) => this.opts.logger.error('lease check failed', { matchID, event: 'clock-timeout', err }),
    );
  }

  private timeUp(matchID: string): void {
    const o = this.options(matchID);
    const cs = o?.clockState as ClockState | undefined;
    if (!o?.clock || !cs || cs.paused || cs.actor === null || cs.deadline === null) return;
    // Timers may fire a millisecond before the wall clock reaches the deadline: wait again, never drop the clock.
    if (cs.deadline > this.now()) return this.arm(matchID, cs);
    const actor = cs.actor;
    const { state, metadata } = this.opts.storage.fetch(matchID, { state: true, metadata: true });
    if (!state || !metadata || this.opts.spec.actor(state) !== actor) return this.update(matchID, state);
    this.opts.logger.info('clock ran out', {
      matchID,
      playerID: actor,
      event: 'clock-timeout',
      onTimeout: o.clock.onTimeout,
      stateID: state._stateID,
    });
    const view = this.opts.service.deliver(actor, { type: 'update', args: [matchID, state] }).args[1] as State;
    const pass = o.clock.onTimeout === 'pass' ? this.opts.spec.timeoutMove(view, actor) : null;
    if (pass) {
      const credentials = metadata.players[actor as unknown as number]?.credentials ?? '';
      const action = { type: 'MAKE_MOVE', payload: { type: pass.move, args: pass.args, playerID: actor, credentials } };
      // The pass restarts the clock through the commit; a refused pass falls back to the bot.
      const next: ClockState = { ...cs, deadline: null, remaining: { ...cs.remaining, [actor]: 0 } };
      this.opts.storage.setOptions(matchID, { ...o, clockState: { ...next, actor: null } });
      this.opts.service.update(matchID, actor, action, state._stateID, { trusted: true }).catch((err: unknown) => {
        // A stale pass means another move landed first; its commit already restarted the clock.
        if (!(err instanceof Refusal && err.code === 'stale-state')) {
          this.opts.logger.warn('timeout move refused; a bot plays the seat', {
            matchID,
            playerID: actor,
            event: 'clock-timeout',
            err,
          });
          this.standIn(matchID, actor);
        }
      });
      return;
    }
    this.standIn(matchID, actor);
  }

  private standIn(matchID: string, actor: string): void {
    const o = this.options(matchID);
    const cs = o?.clockState as ClockState | undefined;
    if (!o || !cs) return;
    const next: ClockState = {
      ...cs,
      deadline: null,
      remaining: { ...cs.remaining, [actor]: 0 },
      timedOut: [...new Set([...cs.timedOut, actor])],
    };
    this.save(matchID, o, next);
    this.opts.bots?.setStandIn(matchID, actor, { level: 'random' });
  }

  /** The creator's controls. `extend` adds seconds to the actor's current time (and, in game mode, bank). */
  control(matchID: string, action: 'pause' | 'resume' | 'extend', seconds = 0): PublicClock {
    const o = this.options(matchID);
    const cs = o?.clockState as ClockState | undefined;
    if (!o?.clock || !cs) throw new Refusal('malformed', 'this match has no clock');
    const now = this.now();
    const next: ClockState = { ...cs, remaining: { ...cs.remaining } };
    if (action === 'pause' && !cs.paused) {
      next.paused = true;
      if (cs.actor !== null && cs.deadline !== null) next.remaining[cs.actor] = Math.max(0, cs.deadline - now);
      next.deadline = null;
    } else if (action === 'resume' && cs.paused) {
      next.paused = false;
      next.deadline =
        cs.actor === null || cs.waiting ? null : now + (cs.remaining[cs.actor] ?? o.clock.seconds * this.secondMs);
    } else if (action === 'extend' && cs.actor !== null) {
      const add = seconds * this.secondMs;
      if (cs.paused) next.remaining[cs.actor] = (cs.remaining[cs.actor] ?? 0) + add;
      else if (cs.deadline !== null) next.deadline = cs.deadline + add;
    }
    this.save(matchID, o, next);
    return { ...o.clock, ...next };
  }

  /** After a restart: re-arm every running clock (time kept running while the server was down). */
  resumeAll(): void {
    for (const id of this.opts.storage.listMatches({ where: { isGameover: false } })) {
      const o = this.options(id);
      if (!o?.clock) continue;
      const cs = o.clockState as ClockState | undefined;
      if (cs) this.arm(id, cs);
      else this.update(id);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
