/**
 * The per-message gate in front of boardgame.io's Master (stock 0.50.2 lets a client send raw UPDATE/SYNC/RESET/PATCH and any event).
 * Every socket packet is parsed here into a small typed value or refused with a reason; only real
 * move names, the explicitly enabled events, the connection's own seat and JSON-only arguments pass.
 */
import { timingSafeEqual, randomBytes } from 'node:crypto';
import type { Game, Server as BgioServer } from 'boardgame.io';
import type { Logger } from './log';

/** Why a packet was refused; sent back to the sender as `refused` { event, code, message }. */
export type RefusalCode =
  | 'unknown-event'
  | 'malformed'
  | 'too-large'
  | 'rate-limited'
  | 'not-seated'
  | 'wrong-seat'
  | 'unauthorized'
  | 'unknown-match'
  | 'unknown-move'
  | 'event-disabled'
  | 'bad-arguments'
  | 'stale-state'
  | 'invalid-move'
  | 'game-over'
  | 'server-error'
  | 'too-many-connections'
  | 'room-full'
  | 'seat-released';

export class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    /** Send the sender a fresh sync after the refusal (its state may be out of date). */
    readonly resync = false,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

export interface Limits {
  /** Largest packet (JSON length of its arguments) the gate accepts. */
  maxPacketBytes: number;
  /** Token bucket per connection: burst size and refill per second. */
  burst: number;
  perSecond: number;
  /** Refusals for rate in a row after which the connection is dropped. */
  maxRateStrikes: number;
  /** Longest move argument list. */
  maxArgs: number;
  /** Deepest nesting inside move arguments. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxPacketBytes: 16 * 1024,
  burst: 40,
  perSecond: 20,
  maxRateStrikes: 200,
  maxArgs: 16,
  maxDepth: 8,
};

/** Token bucket; `now` is injectable so tests need no sleeping. */
export class RateLimiter {
  private tokens: number;
  private last: number;
  strikes = 0;
  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.strikes = 0;
      return true;
    }
    this.strikes++;
    return false;
  }
}

const MAX_CHAT = 1000;
const MATCH_ID = /^[A-Za-z0-9_-]{1,64}$/;
const PLAYER_ID = /^[0-9]{1,2}$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The names of every move the game declares as an own property (top level, phases, stages). */
export function moveNamesOf(game: Game): Set<string> {
  const names = new Set<string>();
  const add = (moves: unknown) => {
    if (moves && typeof moves === 'object') {
      for (const k of Object.keys(moves)) {
        const m = (moves as Record<string, unknown>)[k];
        if (
          typeof m === 'function' ||
          (m && typeof m === 'object' && typeof (m as { move?: unknown }).move === 'function')
        )
          names.add(k);
      }
    }
  };
  const addStages = (turn: Game['turn']) => {
    for (const stage of Object.values(turn?.stages ?? {})) add(stage?.moves);
  };
  add(game.moves);
  addStages(game.turn);
  for (const phase of Object.values(game.phases ?? {})) {
    add(phase?.moves);
    addStages(phase?.turn);
  }
  return names;
}

/** Events a client may fire: only those the game sets to `true` explicitly (boardgame.io runs disabled ones anyway). */
export function enabledEventsOf(game: Game): Set<string> {
  const events = (game.events ?? {}) as Record<string, unknown>;
  return new Set(Object.keys(events).filter((k) => events[k] === true));
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Checks that a value is plain JSON (no Buffers, functions, NaN, prototype keys) within a depth; returns a problem or null. */
export function jsonProblem(v: unknown, maxDepth: number, path = 'args', depth = 0): string | null {
  if (depth > maxDepth) return `${path}: nested deeper than ${maxDepth}`;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? null : `${path}: not a finite number`;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = jsonProblem(v[i], maxDepth, `${path}[${i}]`, depth + 1);
      if (p) return p;
    }
    return null;
  }
  if (isPlainObject(v)) {
    for (const k of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(k)) return `${path}: forbidden key "${k}"`;
      const p = jsonProblem(v[k], maxDepth, `${path}.${k}`, depth + 1);
      if (p) return p;
    }
    return null;
  }
  return `${path}: ${typeof v} is not JSON`;
}

/** Length of a packet as JSON, or Infinity when it is not serialisable (binary, cycles). */
export function packetSize(args: unknown[]): number {
  try {
    return JSON.stringify(args, (_k, v: unknown) => {
      if (
        typeof v === 'function' ||
        typeof v === 'bigint' ||
        (typeof v === 'object' && v !== null && ArrayBuffer.isView(v))
      ) {
        throw new Error('not JSON');
      }
      return v;
    }).length;
  } catch {
    return Infinity;
  }
}

export interface SyncRequest {
  matchID: string;
  playerID: string | null;
  credentials: string | undefined;
}

/** `sync` args: [matchID, playerID, credentials, numPlayers]; numPlayers is ignored (never creates a match). */
export function parseSync(args: unknown[]): SyncRequest {
  const [matchID, playerID, credentials] = args;
  if (typeof matchID !== 'string' || !MATCH_ID.test(matchID))
    throw new Refusal('malformed', 'sync: matchID must be a short id string');
  if (playerID !== null && playerID !== undefined && (typeof playerID !== 'string' || !PLAYER_ID.test(playerID))) {
    throw new Refusal('malformed', 'sync: playerID must be a seat id string or null');
  }
  if (
    credentials !== undefined &&
    credentials !== null &&
    (typeof credentials !== 'string' || credentials.length > 256)
  ) {
    throw new Refusal('malformed', 'sync: credentials must be a string');
  }
  const seat = playerID ?? null;
  if (seat !== null && typeof credentials !== 'string')
    throw new Refusal('unauthorized', 'sync: a seat needs its credentials');
  return { matchID, playerID: seat, credentials: typeof credentials === 'string' ? credentials : undefined };
}

export interface Session {
  matchID: string;
  playerID: string | null;
  credentials: string | undefined;
}

export interface MoveRequest {
  matchID: string;
  playerID: string;
  stateID: number;
  /** The rebuilt action: only these fields ever reach the Master. */
  action: {
    type: 'MAKE_MOVE' | 'GAME_EVENT';
    payload: { type: string; args: unknown[]; playerID: string; credentials: string };
  };
}

export interface GateRules {
  moveNames: Set<string>;
  events: Set<string>;
  limits: Limits;
  /** Game-specific argument parsing; returns a problem or null. */
  checkArgs?: (move: string, args: unknown[]) => string | null;
}

/** `update` args: [action, stateID, matchID, playerID]; must come from the seat this connection synced as. */
export function parseUpdate(args: unknown[], session: Session | null, rules: GateRules): MoveRequest {
  const [action, stateID, matchID, playerID] = args;
  if (!session || session.playerID === null)
    throw new Refusal('not-seated', 'update: sync as a seat with credentials first');
  if (matchID !== session.matchID || playerID !== session.playerID) {
    throw new Refusal('wrong-seat', 'update: matchID and playerID must be those this connection synced as');
  }
  if (typeof stateID !== 'number' || !Number.isInteger(stateID) || stateID < 0)
    throw new Refusal('malformed', 'update: stateID must be an integer');
  if (!isPlainObject(action) || !isPlainObject(action.payload))
    throw new Refusal('malformed', 'update: action must be { type, payload }');
  const p = action.payload;
  if (p.playerID !== session.playerID) throw new Refusal('wrong-seat', 'update: payload.playerID must equal the seat');
  if (typeof p.credentials !== 'string' || !sameSecret(p.credentials, session.credentials)) {
    throw new Refusal('unauthorized', 'update: credentials missing or wrong');
  }
  if (typeof p.type !== 'string') throw new Refusal('malformed', 'update: payload.type must be a string');
  let moveArgs: unknown[];
  if (p.args === undefined || p.args === null) moveArgs = [];
  else if (Array.isArray(p.args)) moveArgs = p.args;
  else throw new Refusal('bad-arguments', 'update: payload.args must be an array');
  if (action.type === 'MAKE_MOVE') {
    if (!rules.moveNames.has(p.type))
      throw new Refusal('unknown-move', `update: no move named ${JSON.stringify(p.type.slice(0, 40))}`);
  } else if (action.type === 'GAME_EVENT') {
    if (!rules.events.has(p.type))
      throw new Refusal('event-disabled', `update: event ${JSON.stringify(p.type.slice(0, 40))} is not enabled`);
  } else {
    // UPDATE, SYNC, RESET, PATCH, UNDO, REDO, PLUGIN, STRIP_TRANSIENTS… never come from a client.
    throw new Refusal(
      'malformed',
      `update: action type ${JSON.stringify(String(action.type).slice(0, 40))} is not accepted`,
    );
  }
  if (moveArgs.length > rules.limits.maxArgs)
    throw new Refusal('bad-arguments', `update: more than ${rules.limits.maxArgs} arguments`);
  const problem =
    jsonProblem(moveArgs, rules.limits.maxDepth) ??
    (action.type === 'MAKE_MOVE' ? (rules.checkArgs?.(p.type, moveArgs) ?? null) : null);
  if (problem) throw new Refusal('bad-arguments', `update ${p.type}: ${problem}`);
  return {
    matchID: session.matchID,
    playerID: session.playerID,
    stateID,
    action: {
      type: action.type,
      payload: { type: p.type, args: moveArgs, playerID: session.playerID, credentials: p.credentials },
    },
  };
}

export interface ChatRequest {
  matchID: string;
  message: { id: string; sender: string; payload: unknown };
  /** Checked again against the stored seat when the message is stored (the seat may have been left). */
  credentials: string;
}

/** `chat` args: [matchID, { id, sender, payload }, credentials]; only a seated connection, as itself. */
export function parseChat(args: unknown[], session: Session | null, limits: Limits): ChatRequest {
  const [matchID, message, credentials] = args;
  if (!session || session.playerID === null)
    throw new Refusal('not-seated', 'chat: sync as a seat with credentials first');
  if (matchID !== session.matchID) throw new Refusal('wrong-seat', 'chat: matchID must be the synced match');
  if (typeof credentials !== 'string' || !sameSecret(credentials, session.credentials))
    throw new Refusal('unauthorized', 'chat: credentials missing or wrong');
  if (!isPlainObject(message) || typeof message.id !== 'string' || message.id.length > 64)
    throw new Refusal('malformed', 'chat: message must be { id, sender, payload }');
  if (message.sender !== session.playerID) throw new Refusal('wrong-seat', 'chat: sender must be the seat');
  const problem = jsonProblem(message.payload, limits.maxDepth, 'payload');
  if (problem) throw new Refusal('malformed', `chat: ${problem}`);
  if (packetSize([message.payload]) > MAX_CHAT)
    throw new Refusal('too-large', `chat: message longer than ${MAX_CHAT} characters`);
  return {
    matchID: session.matchID,
    message: { id: message.id, sender: session.playerID, payload: message.payload },
    credentials,
  };
}

/** Constant-time comparison of two secrets. */
export function sameSecret(a: string | undefined, b: string | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length === 0) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Credentials are always required: a seat without credentials can never be acted for. */
export const authenticateCredentials = (
  credentials: string,
  playerMetadata: BgioServer.PlayerMetadata | undefined,
): boolean => sameSecret(credentials, playerMetadata?.credentials);

export const newSecret = (bytes = 18): string => randomBytes(bytes).toString('base64url');

/** Logs unhandled rejections and exceptions with their context instead of letting them stop the process. */
export function installProcessGuards(logger: Logger): void {
  process.on('unhandledRejection', (reason) =>
    logger.error('unhandled rejection (process kept alive)', { event: 'unhandledRejection', err: reason }),
  );
  process.on('uncaughtException', (err) =>
    logger.error('uncaught exception (process kept alive)', { event: 'uncaughtException', err }),
  );
}
