/**
 * What the server benchmarks share: their flags, a server child process (server-target.ts), lobby
 * calls, matches of seated socket clients and the paced load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { io, type Socket } from 'socket.io-client';
import { positiveInt, scriptFlags } from '../src/cli/args';

export const GAME = 'secret-test';

/** A benchmark's numeric flags (`--matches 20` …) with their defaults; `--help` prints `usage`. */
export function numberFlags<K extends string>(
  name: string,
  usage: string,
  defaults: Record<K, number>,
): Record<K, number> {
  const keys = Object.keys(defaults) as K[];
  const options = Object.fromEntries(keys.map((k) => [k, { type: 'string' as const }]));
  return scriptFlags(
    name,
    usage,
    options,
    (values) =>
      Object.fromEntries(
        keys.map((k) => [k, values[k] === undefined ? defaults[k] : positiveInt(`--${k}`, values[k] as string)]),
      ) as Record<K, number>,
  );
}

export interface Target {
  child: ChildProcess;
  url: string;
  /** The server process's CPU time so far (ms). */
  cpu(): Promise<number>;
}

/** Starts a server-target.ts child; `prefix`: a command it runs under (e.g. `taskset -c 0`). */
export function start(
  kind: 'sqlite' | 'memory' | 'sqlite-limits' | 'cluster',
  dataDir: string,
  prefix: string[] = [],
): Promise<Target> {
  const argv = [...prefix, process.execPath, '--import', 'tsx', 'bench/server-target.ts', kind];
  const child = spawn(argv[0]!, argv.slice(1), {
    env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'production' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let cpuWaiter: ((ms: number) => void) | null = null;
  const cpu = () =>
    new Promise<number>((ok) => {
      cpuWaiter = ok;
      child.stdin!.write('cpu\n');
    });
  return new Promise((ok, fail) => {
    createInterface({ input: child.stdout! }).on('line', (l) => {
      if (l.startsWith('{"port"'))
        ok({ child, cpu, url: `http://127.0.0.1:${(JSON.parse(l) as { port: number }).port}` });
      if (l.startsWith('{"cpuMs"')) cpuWaiter?.((JSON.parse(l) as { cpuMs: number }).cpuMs);
    });
    child.on('exit', (c) => fail(new Error(`${kind} server exited ${c}`)));
  });
}

export async function post(url: string, body: unknown, from?: string): Promise<Record<string, string>> {
  const r = await fetch(url, {
    method: 'POST',
    // `from`: the client address a TRUST_PROXY server counts this request against.
    headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`);
  return (await r.json()) as Record<string, string>;
}

export interface Seat {
  socket: Socket;
  stateID: number;
  pending: ((stateID: number) => void) | null;
}

export async function seat(
  url: string,
  matchID: string,
  playerID: string,
  credentials: string,
  from?: string,
): Promise<Seat> {
  const socket = io(`${url}/${GAME}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(from ? { extraHeaders: { 'x-forwarded-for': from } } : {}),
  });
  const s: Seat = { socket, stateID: -1, pending: null };
  await new Promise<void>((ok) => {
    socket.on('sync', (_m: string, info: { state: { _stateID: number } }) => {
      s.stateID = info.state._stateID;
      ok();
    });
    socket.emit('sync', matchID, playerID, credentials, 2);
  });
  socket.on('update', (_m: string, state: { _stateID: number }) => {
    s.stateID = state._stateID;
    const p = s.pending;
    s.pending = null;
    p?.(state._stateID);
  });
  return s;
}

export function move(s: Seat, matchID: string, credentials: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((ok) => {
    s.pending = () => ok(performance.now() - t0);
    s.socket.emit(
      'update',
      { type: 'MAKE_MOVE', payload: { type: 'add', args: [1], playerID: '0', credentials } },
      s.stateID,
      matchID,
      '0',
    );
  });
}

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** A match with its two seats connected: seat 0 moves, seat 1 receives every update. */
export interface BenchMatch {
  matchID: string;
  cred0: string;
  mover: Seat;
  watcher: Seat;
}

/** Creates, joins and seats `n` matches through the lobby; `from(i)`: the address match i comes from. */
export async function openMatches(url: string, n: number, from?: (i: number) => string): Promise<BenchMatch[]> {
  const matches: BenchMatch[] = [];
  for (let i = 0; i < n; i++) {
    const addr = from?.(i);
    const { matchID } = await post(
      `${url}/games/${GAME}/create`,
      { numPlayers: 2, setupData: { target: 10000 } },
      addr,
    );
    const j0 = await post(`${url}/games/${GAME}/${matchID}/join`, { playerID: '0', playerName: 'a' }, addr);
    const j1 = await post(`${url}/games/${GAME}/${matchID}/join`, { playerID: '1', playerName: 'b' }, addr);
    const mover = await seat(url, matchID!, '0', j0.playerCredentials!, addr);
    const watcher = await seat(url, matchID!, '1', j1.playerCredentials!, addr);
    matches.push({ matchID: matchID!, cred0: j0.playerCredentials!, mover, watcher });
  }
  return matches;
}

/** Every match moves `moves` times, as fast as acknowledged (saturation); the round trips in ms. */
export async function saturatedMoves(matches: BenchMatch[], moves: number): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    matches.map(async (m) => {
      for (let k = 0; k < moves; k++) times.push(await move(m.mover, m.matchID, m.cred0));
    }),
  );
  return times;
}

/**
 * One move per match every `pace` ms, the starts spread over the interval; the round trips in ms.
 * `starts`, if given, receives each move's start (epoch ms, comparable across processes) in the same order.
 */
export async function pacedMoves(
  matches: BenchMatch[],
  moves: number,
  pace: number,
  starts?: number[],
): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    matches.map(async (m, i) => {
      await new Promise((ok) => setTimeout(ok, (i / matches.length) * pace));
      for (let k = 0; k < moves; k++) {
        const t0 = performance.now();
        const took = await move(m.mover, m.matchID, m.cred0);
        times.push(took);
        starts?.push(performance.timeOrigin + t0);
        await new Promise((ok) => setTimeout(ok, Math.max(0, pace - (performance.now() - t0))));
      }
    }),
  );
  return times;
}

export function closeMatches(matches: BenchMatch[]): void {
  for (const m of matches) {
    m.mover.socket.close();
    m.watcher.socket.close();
  }
}
