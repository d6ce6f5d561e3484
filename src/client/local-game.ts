/**
 * A local game: boardgame.io's Client running the rules in the page, with a fixed seed so that a saved
 * game (seed + actions) replays exactly. Every action is recorded in the saved-game format.
 */
import { Client } from 'boardgame.io/client';
import type { Game } from 'boardgame.io';
import type { BySeat, MoveName, Seat, Variant, WhiteMoveName } from '../content/ids';
import { DIFFICULTY, handicapFor, hasBonus, type Handicap } from '../ai/difficulty';
import { botWords, DEFAULT_BOT, formatBotSpec, parseBotSpec, type BotSpec } from '../content/bot-spec';
import { EastAsiaTomorrow, playerOf, type SetupData, type Action, type GameState, type HandicapInput } from '../rules';
import { buildSave, hotwashPrompts, type HotwashPrompt, type SaveAction, type SaveFile } from '../content/save-file';
import type { ReactionPreference } from './reactions';
import { clientSession } from './seminar/client-session';
import { NotesStore } from './seminar/notes';
import type { SeminarSession } from './seminar/session';

/** Who plays a seat: a person, or a bot (`bot`; kept for a person's seat so the menu remembers it). */
export interface SeatControl {
  kind: 'human' | 'bot';
  bot: BotSpec;
}

export interface GameSetup {
  scenario: string;
  variant: Variant;
  seed: string;
  handicap?: HandicapInput;
  controls: BySeat<SeatControl>;
  /** A White Cell (umpire) at the table: one more player, the last playerID. */
  whiteCell?: boolean;
  /** Start with free (matrix) adjudication: the White Cell's first act, logged like any other. */
  freeAdjudication?: boolean;
  /** Each person's standing orders for the reactions put to their seat (hot-seat: fewer hand-overs). */
  reactions?: Partial<BySeat<ReactionPreference>>;
  /** The seminar's study question, chosen or written at setup. */
  study?: string;
  /** Hotwash prompts the facilitator edited (from a saved game). */
  hotwash?: HotwashPrompt[];
}

/** Setup bonuses for the seats bots play (difficulty 1–6 adds AP and roll bonuses; docs/DESIGN.md §9). */
export function handicapsFor(controls: BySeat<SeatControl>): Partial<BySeat<Handicap>> {
  const out: Partial<BySeat<Handicap>> = {};
  for (const [seat, c] of Object.entries(controls) as [Seat, SeatControl][]) {
    if (c.kind !== 'bot') continue;
    const h = handicapFor(c.bot);
    if (hasBonus(h)) out[seat] = h;
  }
  return out;
}
/** What a bot means, for the difficulty menu: its blunders and bonuses, from the AI's own table. */
export function levelHint(bot: BotSpec): string {
  if (bot.kind === 'random') return 'random — every move at random';
  if (bot.kind === 'expert') return `${botWords(bot)} — searches the legal moves`;
  const d = DIFFICULTY[bot.level];
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  const parts = [
    d.blunder > 0 ? `${Math.round(d.blunder * 100)}% random moves` : '',
    d.ap ? `${signed(d.ap)} AP a round` : '',
    d.roll ? `rolls ${signed(d.roll)}` : '',
    d.margin ? `starts ${d.margin} ahead` : '',
  ].filter(Boolean);
  return `${botWords(bot)} — ${parts.length ? parts.join(', ') : 'the flowchart, no bonus'}`;
}

type BgioClient = ReturnType<typeof Client<GameState>>;

export class LocalGame {
  readonly client: BgioClient;
  readonly actions: SaveAction[] = [];
  /**
   * The seminar screens' session over this game (White Cell console, argument form, projector): its
   * moves are sent as the role's player and recorded here, so the save replays them.
   */
  readonly session: SeminarSession;
  /** Listeners to changes of the table beyond the game's own state (a reaction preference). */
  private readonly listeners = new Set<() => void>();
  /** The study question and hotwash prompts: saved with the game, shown on the projector. */
  readonly notes: NotesStore;

  constructor(readonly setup: GameSetup) {
    this.notes = new NotesStore({
      ...(setup.study ? { study: setup.study } : {}),
      ...(setup.hotwash ? { hotwash: { prompts: setup.hotwash, showing: null } } : {}),
    });
    const data: SetupData = {
      scenario: setup.scenario,
      variant: setup.variant,
      ...(setup.whiteCell ? { whiteCell: true } : {}),
      ...(setup.handicap ? { handicap: setup.handicap } : {}),
    };
    // The local Client takes no setupData, so the game's setup is wrapped with it; `seed` fixes the dice.
    const game: Game<GameState, Record<string, unknown>, SetupData> = {
      ...EastAsiaTomorrow,
      seed: setup.seed,
      setup: (context) => EastAsiaTomorrow.setup!(context, data),
      // With a White Cell the end is not final (it may rewind, or reopen a branch, after it): boardgame.io
      // must not close the match, which would refuse those acts; G.result alone says the game is over.
      ...(setup.whiteCell ? { endIf: () => undefined } : {}),
    };
    this.client = Client<GameState>({
      game,
      numPlayers: setup.variant + (setup.whiteCell ? 1 : 0),
      debug: false,
    });
    this.client.start();
    this.session = {
      ...clientSession(this.client as never, { record: (m) => this.actions.push(m) }),
      notes: this.notes,
      save: () => this.toSave(),
      // The seminar screens redraw on a note as on a move (the projector shows the study question).
      subscribe: (fn) => this.subscribe(fn),
    };
    if (setup.whiteCell && setup.freeAdjudication)
      this.white('whiteSetAdjudication', ['free', 'free adjudication chosen at the start of the game']);
  }

  /** The White Cell's playerID (the last one), or null when there is no White Cell at this table. */
  get whitePlayer(): string | null {
    return playerOf(this.G, 'white');
  }

  /** Use a White Cell power (the last argument is the reason); false if the rules refuse it. */
  white(move: WhiteMoveName, args: unknown[]): boolean {
    return this.session.white(move, args) === true;
  }

  /** The whole state. (The client's getState() filters it through playerView for its current playerID.) */
  get G(): GameState {
    const s = this.client.store.getState() as { G: GameState } | null;
    if (!s) throw new Error('local game: the client has no state');
    return s.G;
  }

  /** Calls `fn` after every change (moves by anyone, White Cell acts, a reaction preference, a seminar note); returns the unsubscribe. */
  subscribe(fn: () => void): () => void {
    const off = this.client.subscribe(() => fn());
    const offNotes = this.notes.subscribe(fn);
    this.listeners.add(fn);
    return () => {
      off();
      offNotes();
      this.listeners.delete(fn);
    };
  }

  /** A person's standing order for their seat's reactions: the bots answer by it, the autosave keeps it. */
  setReaction(seat: Seat, pref: ReactionPreference): void {
    this.setup.reactions = { ...this.setup.reactions, [seat]: pref };
    for (const fn of this.listeners) fn();
  }

  /** The playerID holding `seat`. */
  playerFor(seat: Seat): string {
    const player = playerOf(this.G, seat);
    if (player === null) throw new Error(`local game: no player holds ${seat}`);
    return player;
  }

  /** Make a move for `seat`; returns false (and records nothing) if the rules refuse it. */
  act(seat: Seat, action: Action, why?: string): boolean {
    const player = this.playerFor(seat);
    const before = this.client.store.getState()?._stateID;
    this.client.updatePlayerID(player);
    const move = this.client.moves[action.move];
    if (!move) return false;
    move(...action.args, ...(why ? [{ why }] : []));
    if (this.client.store.getState()?._stateID === before) return false;
    this.actions.push({ player, seat, move: action.move as MoveName, args: [...action.args], ...(why ? { why } : {}) });
    return true;
  }

  toSave(): SaveFile {
    const notes = this.notes.get();
    const bots: Partial<Record<Seat, string>> = {};
    for (const [seat, c] of Object.entries(this.setup.controls) as [Seat, SeatControl][])
      if (c.kind === 'bot') bots[seat] = formatBotSpec(c.bot);
    return buildSave({
      scenario: this.setup.scenario,
      variant: this.setup.variant,
      seed: this.setup.seed,
      whiteCell: this.setup.whiteCell,
      handicap: this.setup.handicap,
      bots,
      ...(notes.study ? { study: { question: notes.study } } : {}),
      ...(notes.hotwash?.prompts.length ? { hotwash: notes.hotwash.prompts.map((p) => ({ ...p })) } : {}),
      actions: this.actions,
    });
  }

  /** Rebuild a game from a saved file to play on from its end (the replay viewer uses the pure replay instead). */
  static fromSave(save: SaveFile, controls: BySeat<SeatControl>): LocalGame {
    const game = new LocalGame({
      scenario: save.scenario,
      variant: save.variant as Variant,
      seed: save.seed,
      ...(save.whiteCell ? { whiteCell: true } : {}),
      ...(save.handicap ? { handicap: save.handicap } : {}),
      ...(save.study ? { study: save.study.question } : {}),
      ...(save.hotwash ? { hotwash: hotwashPrompts(save) } : {}),
      controls,
    });
    save.actions.forEach((a, i) => {
      const ok =
        a.seat === 'white'
          ? game.white(a.move as WhiteMoveName, a.args)
          : game.act(a.seat, { move: a.move as MoveName, args: a.args }, a.why);
      if (!ok)
        throw new Error(
          `saved game: action ${i + 1} (${a.seat} ${a.move} ${JSON.stringify(a.args)}) is not legal at that point — the file does not match these rules`,
        );
    });
    return game;
  }
}

/** Seat controls from a saved file's `bots` labels (src/content/bot-spec.ts); unnamed seats are people. */
export function controlsFromSave(save: SaveFile): BySeat<SeatControl> {
  const c = (seat: Seat): SeatControl => {
    const label = save.bots?.[seat];
    return label === undefined
      ? { kind: 'human', bot: DEFAULT_BOT }
      : { kind: 'bot', bot: parseBotSpec(label, `saved game: bots.${seat}`) };
  };
  return { china: c('china'), nato: c('nato'), japan: c('japan'), korea: c('korea') };
}
