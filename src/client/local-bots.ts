/**
 * The bots of a local game, like the server's bot seats: they listen to the game and, whenever a bot's
 * seat must act, ask the worker for its move, wait the visible pause and play it. The same loop answers
 * a person's reactions their preference decides (reactions.ts), at once.
 */
import { MOVE_CATALOGUE } from '../content/moves';
import { SEAT_STYLE } from '../content/seats';
import { actingSeat, legalMoves, playerView } from '../rules';
import { SEEDS } from '../random';
import { BotRunner } from './bot-runner';
import type { LocalGame } from './local-game';
import { autoReaction } from './reactions';

export interface LocalBotsOptions {
  /** Bot pause per move in ms (0 = instant). */
  speed: number;
  /** The White Cell holds the screen: nobody moves until it hands it back. */
  blocked: () => boolean;
  /** Something to say in the log (an illegal bot move, a worker error). */
  announce: (text: string) => void;
  /** A bot moved, or the bots' status changed. */
  changed: () => void;
}

type BotTable = Pick<LocalGame, 'G' | 'setup' | 'playerFor' | 'act' | 'subscribe'> & {
  readonly actions: { readonly length: number };
};

export class LocalBots {
  paused = false;
  /** "Skip to my turn": no pauses until a person must act. */
  skipping = false;
  speed: number;
  private busy = false;
  private stopped = false;
  private runner: BotRunner | null = null;
  private readonly off: () => void;

  constructor(
    private readonly game: BotTable,
    private readonly opts: LocalBotsOptions,
  ) {
    this.speed = opts.speed;
    this.off = game.subscribe(() => this.poke());
  }

  /** Look at the game again soon (after the current change has settled and the screen has redrawn). */
  poke(): void {
    if (!this.stopped) queueMicrotask(() => void this.step());
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.opts.changed();
    this.poke();
  }

  skip(): void {
    this.skipping = true;
    this.setPaused(false);
  }

  stop(): void {
    this.stopped = true;
    this.off();
    this.runner?.stop();
  }

  /** The acting seat is a bot's, not finished, and nothing holds it back. */
  botToAct(): boolean {
    const seat = actingSeat(this.game.G);
    return !!seat && !this.game.G.result && this.game.setup.controls[seat].kind === 'bot';
  }

  private async step(): Promise<void> {
    const G = this.game.G;
    const seat = actingSeat(G);
    if (this.stopped || this.busy || this.opts.blocked() || !seat || G.result) return;
    const control = this.game.setup.controls[seat];
    if (control.kind === 'human') {
      this.skipping = false;
      // A reaction the person's standing order answers: played at once, no hand-over.
      const auto = autoReaction(playerView(G, this.game.playerFor(seat)), seat, this.game.setup.reactions?.[seat]);
      if (auto && this.game.act(seat, auto.action, auto.why)) this.opts.changed();
      return;
    }
    if (this.paused) return;
    this.busy = true;
    const at = this.game.actions.length;
    const player = this.game.playerFor(seat);
    const started = performance.now();
    try {
      this.runner ??= new BotRunner();
      // Bots see only their own player's view, and a seed derived from the game seed, seat and move number.
      const choice = await this.runner.choose(
        playerView(G, player),
        seat,
        control.bot,
        SEEDS.localDecision(this.game.setup.seed, seat, at),
      );
      const wait = this.skipping ? 0 : Math.max(0, this.speed - (performance.now() - started));
      if (wait) await new Promise((r) => setTimeout(r, wait));
      while (this.paused && !this.stopped) await new Promise((r) => setTimeout(r, 100));
      // The White Cell took the screen (or paused, or must approve) meanwhile: the bot asks again later.
      if (this.stopped || this.game.actions.length !== at || this.opts.blocked() || actingSeat(this.game.G) !== seat)
        return;
      if (!this.game.act(seat, choice.action, choice.why)) {
        this.opts.announce(
          `The ${SEAT_STYLE[seat].name} bot chose an illegal move (${MOVE_CATALOGUE[choice.action.move]?.name ?? choice.action.move}); it passes instead.`,
        );
        const legal = legalMoves(this.game.G, seat);
        const fallback = legal.find((a) => a.move === 'pass' || a.move === 'declineLambaste') ?? legal[0];
        if (fallback) this.game.act(seat, fallback, 'fallback after an illegal choice');
      }
    } catch (err) {
      this.opts.announce(`Bot error: ${(err as Error).message}`);
      this.paused = true;
    } finally {
      this.busy = false;
    }
    if (this.stopped) return;
    this.opts.changed();
    this.poke();
  }
}
