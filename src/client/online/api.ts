/**
 * The lobby's REST API (docs/DEPLOY.md), as the browser calls it: typed answers, and every error as an
 * Error carrying the server's own words (`{ error }`) and the HTTP status.
 */
import { BOT_CHOICES, shortBotName } from '../../content/bot-spec';
import type { SetupData } from '../../rules';

export const GAME = 'east-asia-tomorrow';

/** Bot difficulties the server offers, by their short names (src/content/bot-spec.ts, as the server's BOT_LEVELS). */
export const BOT_LEVELS: readonly string[] = BOT_CHOICES.map(shortBotName);
export type BotLevel = string;

export interface ClockOptions {
  mode: 'turn' | 'game';
  seconds: number;
  onTimeout: 'bot' | 'pass';
}

/** The clock as the server sends it (`clock` socket event, match options). */
export interface PublicClock extends ClockOptions {
  actor: string | null;
  /** Epoch ms when the actor's time runs out; null when paused or nobody is to act. */
  deadline: number | null;
  paused: boolean;
  remaining: Record<string, number>;
  timedOut: string[];
}

export interface SeatInfo {
  id: number;
  name?: string;
  data?: { bot?: boolean; level?: string } & Record<string, unknown>;
  isConnected?: boolean;
}

export interface MatchInfo {
  matchID: string;
  gameName: string;
  players: SeatInfo[];
  setupData: SetupData;
  gameover?: unknown;
  createdAt: number;
  updatedAt: number;
  unlisted?: boolean;
  options: {
    bots: Record<string, { level: string }>;
    clock?: ClockOptions;
    clockState?: Omit<PublicClock, keyof ClockOptions>;
    standIns?: Record<string, { level: string }>;
  };
}

export interface CreateRequest {
  setupData: SetupData;
  bots?: Record<string, BotLevel>;
  clock?: ClockOptions;
  unlisted?: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (err) {
    throw new ApiError(0, `The server cannot be reached (${(err as Error).message}).`);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new ApiError(res.status, `The server answered ${res.status} with something that is not JSON.`);
  }
  if (!res.ok) throw new ApiError(res.status, (json as { error?: string }).error ?? `HTTP ${res.status}`);
  return json as T;
}

const base = `/games/${GAME}`;
const q = (o: Record<string, string>) => new URLSearchParams(o).toString();

/** Matches per lobby page (the server allows up to its LIST_PAGE_MAX). */
export const LOBBY_PAGE = 20;

export const lobbyApi = {
  /** One page of unfinished listed matches, most recently active first; `next` asks for the page after it. */
  listOpen: (after?: string): Promise<{ matches: MatchInfo[]; next?: string }> =>
    call('GET', `${base}?${q({ isGameover: 'false', limit: String(LOBBY_PAGE), ...(after ? { after } : {}) })}`),
  get: (matchID: string): Promise<MatchInfo> => call('GET', `${base}/${matchID}`),
  create: (req: CreateRequest): Promise<{ matchID: string; creatorToken: string }> =>
    call('POST', `${base}/create`, req),
  join: (
    matchID: string,
    playerID: string,
    playerName: string,
  ): Promise<{ playerID: string; playerCredentials: string }> =>
    call('POST', `${base}/${matchID}/join`, { playerID, playerName }),
  leave: (matchID: string, playerID: string, credentials: string): Promise<unknown> =>
    call('POST', `${base}/${matchID}/leave`, { playerID, credentials }),
  standIn: (
    matchID: string,
    body: { playerID: string; on: boolean; level?: BotLevel; credentials?: string; creatorToken?: string },
  ): Promise<{ standIns: Record<string, { level: string }> }> => call('POST', `${base}/${matchID}/stand-in`, body),
  clock: (
    matchID: string,
    creatorToken: string,
    action: 'pause' | 'resume' | 'extend',
    seconds?: number,
  ): Promise<PublicClock> =>
    call('POST', `${base}/${matchID}/clock`, { creatorToken, action, ...(seconds ? { seconds } : {}) }),
  /** The saved-game file (`eat-save/1`) as text: after the end, or before it for the White Cell. */
  replay: async (matchID: string, seat?: { playerID: string; credentials: string }): Promise<string> =>
    JSON.stringify(await call('GET', `${base}/${matchID}/replay${seat ? `?${q(seat)}` : ''}`), null, 2),
};
