/**
 * Match clocks (optional per match). `turn`: the player to act has `seconds` for each of their turns
 * (a turn lasts while they stay the one to act); `game`: each player has a bank of `seconds` for the
 * whole game, spent while they are the one to act. On time-out the seat either passes (the game's
 * timeout move) or a bot plays it (for the rest of that turn; in `game` mode until the player
 * returns). The match creator may pause, resume and extend. The clock waits (no deadline) until
 * every person's seat is taken or a person has moved, so nobody's time runs before they could join.
 * State lives in the match's options, so clocks survive restarts; every change is sent to the match
 * as a `clock` event. A match's clock changes one at a time (a queue per match), each written under
 * the row lock of the match's options.
 */
import type { Server as BgioServer } from 'boardgame.io';
import type { State } from 'boardgame.io';
import { withStandIn, type BotChoice, type BotSeats, type StandIn } from './bots';
import type { OwnerGate } from './cluster/owner';
import { Refusal } from './hardening';
import type { ClockOptions, MatchOptions } from './lobby/options';
import type { Logger } from './log';
import type { MatchService } from './match-service';
import { SerialQueues } from './serial-queues';
import type { MatchStore } from './storage';

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
  storage: MatchStore;
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

/** The bot that plays a timed-out seat. */
const STAND_IN: StandIn = { level: 'random' };
const noClock = (): ClockState => ({ actor: null, deadline: null, paused: false, remaining: {}, timedOut: [] });

export class Clocks {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly queues = new SerialQueues();
  private readonly secondMs: number;
  private readonly now: () => number;
  private stopped = false;

  constructor(private readonly opts: ClocksOptions) {
    this.secondMs = opts.secondMs ?? 1000;
    this.now = opts.now ?? Date.now;
  }

  private async options(matchID: string): Promise<MatchOptions | undefined> {
    return (await this.opts.storage.getOptions(matchID)) as MatchOptions | undefined;
  }

  /** Runs one clock change after the match's earlier ones; a failure is logged, never thrown at the caller. */
  private serial(matchID: string, what: string, fn: () => Promise<unknown>): Promise<void> {
    return this.queues.run(matchID, fn).then(
      () => undefined,
      (err: unknown) => this.opts.logger.error(`clock ${what} failed`, { matchID, event: 'clock', err }),
    );
  }

  /**
   * A player who comes back takes a timed-out seat back from its stand-in bot (in the same write) and, if
   * it is their decision, gets their time again: otherwise nobody would play the seat and no clock run.
   */
  seatBack(matchID: string, playerID: string): Promise<void> {
    return this.serial(matchID, 'seat-back', async () => {
      await this.save(matchID, (o, cs) => {
        if (!cs?.timedOut.includes(playerID)) return undefined;
        const next: ClockState = { ...cs, timedOut: cs.timedOut.filter((p) => p !== playerID) };
        if (cs.actor === playerID && !cs.paused && !cs.waiting) {
          next.deadline = this.now() + this.timeFor(o.clock!, cs.remaining, playerID);
        }
        return next;
      });
    });
  }

  /** The time a seat gets when its decision starts: its bank in game mode, a full turn in turn mode. */
  private timeFor(clock: ClockOptions, remaining: Record<string, number>, seat: string): number {
    const budget = clock.seconds * this.secondMs;
    return clock.mode === 'game' ? (remaining[seat] ?? budget) : budget;
  }

  /** Re-reads the match after a commit (`byPerson`: a person moved), a creation, a join or a restart, and sets its timer. */
  update(matchID: string, state?: State, byPerson = false): Promise<void> {
    return this.serial(matchID, 'update', () => this.recompute(matchID, state, byPerson));
  }

  private async recompute(matchID: string, state: State | undefined, byPerson: boolean): Promise<void> {
    if (this.stopped || !(await this.options(matchID))?.clock) return;
    const fetched = await this.opts.storage.fetch(matchID, { state: state === undefined, metadata: true });
    const s = state ?? fetched.state;
    if (!s) return;
    const full = this.opts.spec.actor(s);
    const actor = s.ctx.gameover !== undefined ? null : full;
    const now = this.now();
    await this.save(matchID, (o, stored) => {
      const budget = o.clock!.seconds * this.secondMs;
      const prev = stored ?? noClock();
      const wasWaiting = stored === undefined || prev.waiting === true;
      const waiting = wasWaiting && !byPerson && !everyoneSeated(fetched.metadata);
      const next: ClockState = { ...prev, remaining: { ...prev.remaining }, timedOut: [...prev.timedOut], waiting };
      if (actor !== prev.actor) {
        if (o.clock!.mode === 'game' && prev.actor !== null && prev.deadline !== null)
          next.remaining[prev.actor] = Math.max(0, prev.deadline - now);
        // A turn-mode stand-in ends with the turn it was called for.
        if (o.clock!.mode === 'turn' && prev.actor !== null && next.timedOut.includes(prev.actor))
          next.timedOut = next.timedOut.filter((p) => p !== prev.actor);
        next.actor = actor;
        const left = actor === null ? 0 : this.timeFor(o.clock!, next.remaining, actor);
        if (next.paused || waiting) {
          next.deadline = null;
          if (actor !== null) next.remaining[actor] = left;
        } else next.deadline = actor === null ? null : now + left;
      } else if (wasWaiting && !waiting && !next.paused && actor !== null) {
        next.deadline = now + (next.remaining[actor] ?? budget);
      }
      return next;
    });
  }

  /**
   * Writes the clock state `change` computes from the stored one (under the options' row lock), then
   * re-arms the timer and tells the match. `change` may throw (nothing is written) or return undefined.
   * A seat that times out gets its stand-in bot, and one whose turn-mode time-out ends gives it back, in
   * the same write: an instance killed between two writes would leave a timed-out seat that nobody plays.
   */
  private async save(
    matchID: string,
    change: (o: MatchOptions, state: ClockState | undefined) => ClockState | undefined,
  ): Promise<PublicClock | undefined> {
    let saved: { clock: ClockOptions; state: ClockState } | undefined;
    const standIns: [string, StandIn | null][] = [];
    await this.opts.storage.updateOptions(matchID, (stored) => {
      const o = stored as MatchOptions | undefined;
      if (!o?.clock) return undefined;
      const before = o.clockState as ClockState | undefined;
      const state = change(o, before);
      if (state === undefined) return undefined;
      saved = { clock: o.clock, state };
      standIns.length = 0;
      let next: MatchOptions = { ...o, clockState: state };
      if (!this.opts.bots) return next;
      const was = before?.timedOut ?? [];
      for (const [playerID, standIn] of [
        ...state.timedOut.filter((p) => !was.includes(p)).map((p) => [p, STAND_IN] as const),
        ...was.filter((p) => !state.timedOut.includes(p)).map((p) => [p, null] as const),
      ]) {
        const withBot = withStandIn(next, playerID, standIn);
        if (!withBot) continue;
        next = withBot;
        standIns.push([playerID, standIn]);
      }
      return next;
    });
    if (!saved) return undefined;
    for (const [playerID, standIn] of standIns) this.opts.bots?.standInChanged(matchID, playerID, standIn);
    this.arm(matchID, saved.state);
    const clock = { ...saved.clock, ...saved.state };
    this.opts.emit(matchID, clock);
    return clock;
  }

  private arm(matchID: string, state: ClockState): void {
    const old = this.timers.get(matchID);
    if (old) clearTimeout(old);
    this.timers.delete(matchID);
    if (this.stopped || state.deadline === null || state.actor === null || state.timedOut.includes(state.actor)) return;
    if (this.opts.owner && !this.opts.owner.owns(matchID)) return this.opts.owner.handOver(matchID);
    const t = setTimeout(
      () => void this.serial(matchID, 'time-out', () => this.expire(matchID)),
      Math.max(0, state.deadline - this.now()),
    );
    t.unref?.();
    this.timers.set(matchID, t);
  }

  private async expire(matchID: string): Promise<void> {
    this.timers.delete(matchID);
    // Fencing: an instance whose lease passed to another (it was paused, or cut off) does not act.
    const owner = this.opts.owner;
    if (owner && !(await owner.confirm(matchID))) return owner.handOver(matchID);
    const o = await this.options(matchID);
    const cs = o?.clockState as ClockState | undefined;
    if (this.stopped || !o?.clock || !cs || cs.paused || cs.actor === null || cs.deadline === null) return;
    // Timers may fire a millisecond before the wall clock reaches the deadline: wait again, never drop the clock.
    if (cs.deadline > this.now()) return this.arm(matchID, cs);
    const actor = cs.actor;
    const { state, metadata } = await this.opts.storage.fetch(matchID, { state: true, metadata: true });
    if (!state || !metadata || this.opts.spec.actor(state) !== actor) return this.recompute(matchID, state, false);
    const view = this.opts.service.deliver(actor, { type: 'update', args: [matchID, state] }).args[1] as State;
    const pass = o.clock.onTimeout === 'pass' ? this.opts.spec.timeoutMove(view, actor) : null;
    // The time-out is written only on the clock it was decided on: a pause or extension that another
    // instance (the lobby's request may reach any) wrote meanwhile wins, and the timer follows it.
    let current: ClockState | undefined;
    let timedOut = false;
    await this.opts.storage.updateOptions(matchID, (stored) => {
      const now = stored as MatchOptions | undefined;
      current = now?.clockState as ClockState | undefined;
      if (!now || !current || current.paused || current.actor !== actor || current.deadline !== cs.deadline)
        return undefined;
      timedOut = true;
      // A pass clears the deadline (its commit restarts the clock); a stand-in's own write sets the rest.
      return pass
        ? {
            ...now,
            clockState: { ...current, deadline: null, remaining: { ...current.remaining, [actor]: 0 }, actor: null },
          }
        : undefined;
    });
    if (!timedOut) return current ? this.arm(matchID, current) : undefined;
    this.opts.logger.info('clock ran out', {
      matchID,
      playerID: actor,
      event: 'clock-timeout',
      onTimeout: o.clock.onTimeout,
      stateID: state._stateID,
      // Which running of the clock ran out: a seat given back runs it again on the same state.
      deadline: cs.deadline,
    });
    if (!pass) return this.standIn(matchID, actor);
    const credentials = metadata.players[actor as unknown as number]?.credentials ?? '';
    const action = { type: 'MAKE_MOVE', payload: { type: pass.move, args: pass.args, playerID: actor, credentials } };
    // The pass restarts the clock through the commit; a refused pass falls back to the bot.
    this.opts.service.update(matchID, actor, action, state._stateID, { trusted: true }).catch((err: unknown) => {
      // A stale pass means another move landed first; its commit already restarted the clock.
      if (err instanceof Refusal && err.code === 'stale-state') return;
      this.opts.logger.warn('timeout move refused; a bot plays the seat', {
        matchID,
        playerID: actor,
        event: 'clock-timeout',
        err,
      });
      void this.serial(matchID, 'stand-in', () => this.standIn(matchID, actor));
    });
  }

  private async standIn(matchID: string, actor: string): Promise<void> {
    await this.save(matchID, (_o, cs) =>
      cs
        ? {
            ...cs,
            deadline: null,
            remaining: { ...cs.remaining, [actor]: 0 },
            timedOut: [...new Set([...cs.timedOut, actor])],
          }
        : undefined,
    );
  }

  /** The creator's controls. `extend` adds seconds to the actor's current time (and, in game mode, bank). */
  async control(matchID: string, action: 'pause' | 'resume' | 'extend', seconds = 0): Promise<PublicClock> {
    let result: PublicClock | undefined;
    await this.queues.run(matchID, async () => {
      result = await this.save(matchID, (o, cs) => {
        if (!cs) return undefined;
        const now = this.now();
        const next: ClockState = { ...cs, remaining: { ...cs.remaining } };
        if (action === 'pause' && !cs.paused) {
          next.paused = true;
          if (cs.actor !== null && cs.deadline !== null) next.remaining[cs.actor] = Math.max(0, cs.deadline - now);
          next.deadline = null;
        } else if (action === 'resume' && cs.paused) {
          next.paused = false;
          next.deadline =
            cs.actor === null || cs.waiting ? null : now + (cs.remaining[cs.actor] ?? o.clock!.seconds * this.secondMs);
        } else if (action === 'extend' && cs.actor !== null) {
          const add = seconds * this.secondMs;
          if (cs.paused) next.remaining[cs.actor] = (cs.remaining[cs.actor] ?? 0) + add;
          else if (cs.deadline !== null) next.deadline = cs.deadline + add;
        }
        return next;
      });
    });
    if (!result) throw new Refusal('malformed', 'this match has no clock');
    return result;
  }

  /** After a restart: re-arm every running clock (time kept running while the server was down). */
  async resumeAll(): Promise<void> {
    for (const id of await this.opts.storage.listMatches({ where: { isGameover: false } })) {
      const o = await this.options(id);
      if (!o?.clock) continue;
      const cs = o.clockState as ClockState | undefined;
      if (cs) this.arm(id, cs);
      else await this.update(id);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
