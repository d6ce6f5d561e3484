/**
 * Server-side bots for empty or abandoned seats (boardgame.io 0.50 runs bots only in local games). A bot sees
 * exactly what its seat's player would see — the state through `playerView`, so no PRNG state and
 * no future dice — and its own seeded stream (SEEDS.onlineDecision); its move goes through the same MatchService path
 * (credentials, rules, commit-before-broadcast) as a person's.
 */
import { SEEDS, streamFrom } from '../random';
import type { State } from 'boardgame.io';
import type { OwnerGate } from './cluster/owner';
import { newSecret, Refusal } from './hardening';
import type { MatchOptions } from './lobby/options';
import type { Logger } from './log';
import type { CommitEvent, MatchService } from './match-service';
import type { MatchStore } from './storage';

export interface BotChoice {
  move: string;
  args: unknown[];
  /** A short reason, logged (the AI's "why" trace). */
  why?: string;
}

/** Picks a bot seat's next move from that seat's view, or null when the seat has nothing to do now. */
export type BotPlayer = (
  view: State,
  playerID: string,
  level: string,
  rng: () => number,
) => BotChoice | null | Promise<BotChoice | null>;

export interface BotSeatsOptions {
  service: MatchService;
  storage: MatchStore;
  logger: Logger;
  player: BotPlayer;
  /** In a cluster: only the match's owner plays its bots. */
  owner?: OwnerGate;
}

export type StandIn = { level: string };

/** The options with a bot standing in for `playerID` (or the seat given back), or undefined when nothing changes. */
export function withStandIn(
  o: MatchOptions | undefined,
  playerID: string,
  standIn: StandIn | null,
): MatchOptions | undefined {
  if (!o || o.bots[playerID]) return undefined;
  const standIns = { ...o.standIns };
  if (standIn === null) {
    if (!standIns[playerID]) return undefined;
    delete standIns[playerID];
  } else standIns[playerID] = standIn;
  return { ...o, standIns };
}

export class BotSeats {
  private readonly scheduled = new Set<string>();
  private readonly secret = newSecret();
  private stopped = false;
  /** Bot moves made, for tests and the benchmark. */
  moves = 0;

  constructor(private readonly opts: BotSeatsOptions) {}

  onCommit(event: CommitEvent): void {
    this.poke(event.matchID);
  }

  /** Asks the bots of a match to look at it again (after a commit, a join, a creation). */
  poke(matchID: string): void {
    if (this.stopped || this.scheduled.has(matchID)) return;
    this.scheduled.add(matchID);
    setImmediate(() => {
      this.scheduled.delete(matchID);
      this.step(matchID).catch((err: unknown) =>
        this.opts.logger.error('bot step failed', { matchID, event: 'bot', err }),
      );
    });
  }

  /** After a restart: every unfinished match with bots gets a look. */
  async resumeAll(): Promise<void> {
    for (const id of await this.opts.storage.listMatches({ where: { isGameover: false } })) {
      const o = (await this.opts.storage.getOptions(id)) as MatchOptions | undefined;
      if (o && Object.keys({ ...o.bots, ...o.standIns }).length > 0) this.poke(id);
    }
  }

  /**
   * Puts a bot in a person's seat (`level`) or gives the seat back (null), under the options' row lock.
   * Returns whether anything changed.
   */
  async setStandIn(matchID: string, playerID: string, standIn: StandIn | null): Promise<boolean> {
    let changed = false;
    await this.opts.storage.updateOptions(matchID, (stored) => {
      const next = withStandIn(stored as MatchOptions | undefined, playerID, standIn);
      changed = next !== undefined;
      return next;
    });
    if (changed) this.standInChanged(matchID, playerID, standIn);
    return changed;
  }

  /** After a stand-in was written (here, or with a clock change in the same write): log, tell the match, play. */
  standInChanged(matchID: string, playerID: string, standIn: StandIn | null): void {
    this.opts.logger.info(standIn ? 'a bot stands in for a player' : 'a player takes the seat back', {
      matchID,
      playerID,
      event: 'stand-in',
    });
    this.opts.service.announceMetadata(matchID).catch(() => undefined);
    if (standIn) this.poke(matchID);
  }

  stop(): void {
    this.stopped = true;
  }

  private async step(matchID: string): Promise<void> {
    const { storage, service, logger } = this.opts;
    const options = (await storage.getOptions(matchID)) as MatchOptions | undefined;
    const seats = { ...options?.bots, ...options?.standIns };
    if (Object.keys(seats).length === 0) return;
    const owner = this.opts.owner;
    if (owner && !owner.owns(matchID)) return owner.handOver(matchID);
    const { state, metadata } = await storage.fetch(matchID, { state: true, metadata: true });
    if (!state || !metadata || state.ctx.gameover !== undefined) return;
    for (const [playerID, { level }] of Object.entries(seats)) {
      const view = service.deliver(playerID, { type: 'update', args: [matchID, state] }).args[1] as State;
      const rng = streamFrom(SEEDS.onlineDecision(this.secret, matchID, playerID, state._stateID));
      const choice = await this.opts.player(view, playerID, level, rng);
      if (!choice) continue;
      // Fencing: a move chosen while this instance lost the lease is dropped; the new owner plays the seat.
      if (owner && !(await owner.confirm(matchID))) return owner.handOver(matchID);
      const credentials = metadata.players[playerID as unknown as number]?.credentials ?? '';
      const action = { type: 'MAKE_MOVE', payload: { type: choice.move, args: choice.args, playerID, credentials } };
      try {
        await service.update(matchID, playerID, action, state._stateID, { trusted: true });
        this.moves++;
        logger.info('bot move', {
          matchID,
          playerID,
          event: 'bot-move',
          move: choice.move,
          why: choice.why,
          stateID: state._stateID,
        });
      } catch (err) {
        // A refused bot move waits for the next commit (which pokes again); it is never retried in a loop.
        if (!(err instanceof Refusal && err.code === 'stale-state'))
          logger.warn('bot move refused', { matchID, playerID, event: 'bot-refused', move: choice.move, err });
      }
      return;
    }
  }
}
