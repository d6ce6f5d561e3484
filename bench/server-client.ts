/** What the server benchmarks share: a server child process (server-target.ts), lobby calls and seated socket clients. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { io, type Socket } from 'socket.io-client';

export const GAME = 'secret-test';

export interface Target {
  child: ChildProcess;
  url: string;
  /** The server process's CPU time so far (ms). */
  cpu(): Promise<number>;
}

export function start(kind: 'sqlite' | 'memory' | 'sqlite-limits', dataDir: string): Promise<Target> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/server-target.ts', kind], {
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
