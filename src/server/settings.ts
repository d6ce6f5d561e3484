/**
 * Every limit the server enforces, with its default and the environment variable that changes it
 * (docs/DEPLOY.md lists the same table). A bad value stops the server with a message naming it.
 */
import { z } from 'zod';
import type { Quota } from './request-limiter';

export interface ServerSettings {
  /** Interface to listen on. */
  host: string;
  /** Count clients by the last X-Forwarded-For entry (only behind a reverse proxy that sets it). */
  trustProxy: boolean;
  /** Seconds a graceful shutdown (SIGTERM) may take before the process exits anyway. */
  drainTimeoutS: number;
  lobby: LobbyLimits;
  connections: ConnectionLimits;
}

export interface LobbyLimits {
  /** Match creations per client address. */
  create: Quota;
  /** Seat joins per client address. */
  join: Quota;
  /** Lobby API requests of any kind per client address. */
  api: Quota;
  /** Unfinished matches one address may have created. */
  maxOpenPerCreator: number;
  /** Unfinished matches on the server. */
  maxOpenMatches: number;
  /** Largest lobby list page. */
  maxPageSize: number;
  /** Seconds after creation at which a match no person joined is deleted. */
  expireUnjoinedS: number;
  /** Seconds after the end at which a finished match is deleted. */
  expireFinishedS: number;
  /** Seconds without a move, join or leave after which an unfinished match is deleted. */
  expireIdleS: number;
  /** Seconds between expiry sweeps. */
  sweepEveryS: number;
}

export interface ConnectionLimits {
  /** Spectator connections per match. */
  maxSpectators: number;
  /** Open sockets per client address. */
  maxSocketsPerAddress: number;
  /** Chat messages kept per match (older ones are deleted). */
  chatHistory: number;
  /** Chat messages a seat gets with its sync (spectators get none; older pages on request). */
  chatOnSync: number;
}

const DAY = 24 * 3600;

/** Each setting: its environment variable and default. */
export const SETTINGS = {
  host: { env: 'HOST', default: '127.0.0.1' },
  trustProxy: { env: 'TRUST_PROXY', default: false },
  drainTimeoutS: { env: 'DRAIN_TIMEOUT_S', default: 20 },
  createLimit: { env: 'CREATE_LIMIT', default: 20 },
  createWindowS: { env: 'CREATE_WINDOW_S', default: 600 },
  joinLimit: { env: 'JOIN_LIMIT', default: 60 },
  joinWindowS: { env: 'JOIN_WINDOW_S', default: 600 },
  apiLimit: { env: 'API_LIMIT', default: 600 },
  apiWindowS: { env: 'API_WINDOW_S', default: 60 },
  maxOpenPerCreator: { env: 'MAX_OPEN_PER_CREATOR', default: 20 },
  maxOpenMatches: { env: 'MAX_OPEN_MATCHES', default: 2000 },
  maxPageSize: { env: 'LIST_PAGE_MAX', default: 100 },
  expireUnjoinedS: { env: 'EXPIRE_UNJOINED_S', default: 3600 },
  expireFinishedS: { env: 'EXPIRE_FINISHED_S', default: 7 * DAY },
  expireIdleS: { env: 'EXPIRE_IDLE_S', default: 30 * DAY },
  sweepEveryS: { env: 'SWEEP_EVERY_S', default: 60 },
  maxSpectators: { env: 'MAX_SPECTATORS', default: 50 },
  maxSocketsPerAddress: { env: 'MAX_SOCKETS_PER_ADDRESS', default: 32 },
  chatHistory: { env: 'CHAT_HISTORY', default: 200 },
  chatOnSync: { env: 'CHAT_ON_SYNC', default: 20 },
} as const;

type Key = keyof typeof SETTINGS;

/** Reads the settings from `env`; throws an Error naming every bad variable. */
export function readSettings(env: Record<string, string | undefined> = process.env): ServerSettings {
  const problems: string[] = [];
  const count = (k: Exclude<Key, 'host' | 'trustProxy'>, min = 0): number => {
    const { env: name, default: dflt } = SETTINGS[k];
    const raw = env[name];
    if (raw === undefined || raw === '') return dflt;
    const r = z.coerce.number().int().min(min).safeParse(raw);
    if (r.success) return r.data;
    problems.push(`${name}=${JSON.stringify(raw.slice(0, 20))}: a whole number ≥ ${min}`);
    return dflt;
  };
  const trust = env[SETTINGS.trustProxy.env];
  if (trust !== undefined && !['', '0', '1'].includes(trust))
    problems.push(`${SETTINGS.trustProxy.env}=${JSON.stringify(trust.slice(0, 20))}: 1 or 0`);
  const settings: ServerSettings = {
    host: env[SETTINGS.host.env] || SETTINGS.host.default,
    trustProxy: trust === '1',
    drainTimeoutS: count('drainTimeoutS', 1),
    lobby: {
      create: { points: count('createLimit', 1), seconds: count('createWindowS', 1) },
      join: { points: count('joinLimit', 1), seconds: count('joinWindowS', 1) },
      api: { points: count('apiLimit', 1), seconds: count('apiWindowS', 1) },
      maxOpenPerCreator: count('maxOpenPerCreator', 1),
      maxOpenMatches: count('maxOpenMatches', 1),
      maxPageSize: count('maxPageSize', 1),
      expireUnjoinedS: count('expireUnjoinedS', 1),
      expireFinishedS: count('expireFinishedS', 1),
      expireIdleS: count('expireIdleS', 1),
      sweepEveryS: count('sweepEveryS', 1),
    },
    connections: {
      maxSpectators: count('maxSpectators'),
      maxSocketsPerAddress: count('maxSocketsPerAddress', 1),
      chatHistory: count('chatHistory', 1),
      chatOnSync: count('chatOnSync'),
    },
  };
  if (problems.length > 0) throw new Error(`bad server settings: ${problems.join('; ')}`);
  return settings;
}

/** The defaults (what `readSettings({})` gives). */
export const defaultSettings = (): ServerSettings => readSettings({});
