/**
 * The lobby's data types, shared by the routes, the bot seats and the clocks (kept apart from the
 * routes so that bots.ts and clock.ts need not import the lobby: no import circle).
 */
import type { LogEntry, Server as BgioServer, State } from 'boardgame.io';
import { z } from 'zod';

/** What a game tells the lobby: how to parse setupData and how many players it makes. */
export interface LobbySpec<S = unknown> {
  setupSchema: z.ZodType<S>;
  /** The player count for this setup, or an error message. `requested` is the body's numPlayers, if any. */
  numPlayers: (setup: S, requested: number | undefined) => number | string;
  /** Bot difficulty names the AI offers. */
  botLevels: readonly [string, ...string[]];
  /** Adjusts setupData for the bot seats (e.g. difficulty bonuses), or returns an error message. */
  prepareSetup?: (setup: S, bots: Record<string, string>, numPlayers: number) => S | string;
}

export const clockSchema = z
  .object({
    mode: z.enum(['turn', 'game']),
    seconds: z
      .number()
      .int()
      .min(10)
      .max(7 * 24 * 3600),
    onTimeout: z.enum(['bot', 'pass']),
  })
  .strict();
export type ClockOptions = z.infer<typeof clockSchema>;

/** Server-side options of a match, stored beside it (the creator token is never sent back after creation). */
export interface MatchOptions {
  bots: Record<string, { level: string }>;
  clock?: ClockOptions;
  creatorToken: string;
  /** Seats a bot plays for a dropped human, who may take them back. */
  standIns?: Record<string, { level: string }>;
  /** Clock bookkeeping, owned by the clock module. */
  clockState?: unknown;
}

export interface PublicOptions {
  bots: Record<string, { level: string }>;
  clock?: ClockOptions;
  clockState?: unknown;
  standIns?: Record<string, { level: string }>;
}

export const publicOptions = (o: MatchOptions | undefined): PublicOptions =>
  o
    ? {
        bots: o.bots,
        ...(o.clock ? { clock: o.clock, clockState: o.clockState } : {}),
        ...(o.standIns && Object.keys(o.standIns).length > 0 ? { standIns: o.standIns } : {}),
      }
    : { bots: {} };

/** Everything stored about a match, for building its saved-game file. */
export interface ExportInput {
  matchID: string;
  metadata: BgioServer.MatchData;
  state: State;
  initialState: State;
  log: LogEntry[];
  options: PublicOptions;
}
