/**
 * The flooder of bench/flood.ts and where it runs (`--method`):
 * - `shared`: a worker thread of the bench process, on whichever core is free, as every run before
 *   2026-11-30 12:00 measured it (on two cores the attacker's CPU then competes with the server's);
 * - `pinned`: the server alone on CPU 0; the bench's clients and the flooder, a process of its own at
 *   nice 19, on CPU 1 — on this machine the nearest to an attacker on another machine;
 * - `netns`: `pinned`, and the flooder in its own network namespace behind a veth pair (root only), so
 *   its packets reach the server through a network interface, from an address of their own.
 */
import { execFileSync, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';

export const METHODS = ['pinned', 'netns', 'shared'] as const;
export type Method = (typeof METHODS)[number];

export interface FloodResult {
  statuses: Record<string, number>;
  sent: number;
  ms: number;
  /** When the last accepted create was answered (epoch ms), if any was. */
  lastAccepted?: number;
}

// Plain JavaScript for a worker or `node -e`: `inFlight` loops send creates until at least `creates` are
// sent and the bench says stop; says `ready` when it starts and posts the count per status at the end.
const FLOOD = `
const { workerData, parentPort } = require('node:worker_threads');
const w = workerData ?? JSON.parse(process.argv[1]);
const say = parentPort ? (m) => parentPort.postMessage(m) : (m, done) => process.stdout.write(JSON.stringify(m) + '\\n', done);
let stopped = false;
if (parentPort) parentPort.on('message', () => (stopped = true));
else process.stdin.on('data', () => (stopped = true)).on('end', () => (stopped = true));
const statuses = {};
let sent = 0;
let lastAccepted;
const loop = async () => {
  while (sent < w.creates || !stopped) {
    sent++;
    const r = await fetch(w.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': w.from },
      body: JSON.stringify({ setupData: { target: 5 } }),
    });
    await r.arrayBuffer();
    statuses[r.status] = (statuses[r.status] || 0) + 1;
    if (r.status === 200) lastAccepted = performance.timeOrigin + performance.now();
  }
};
say('ready');
const t0 = performance.now();
Promise.all(Array.from({ length: w.inFlight }, loop)).then(() =>
  say({ statuses, sent, ms: performance.now() - t0, lastAccepted }, () => process.exit(0)),
);
`;

export interface FloodSpec {
  /** The server's port (the flooder reaches it on loopback, or across the veth pair). */
  port: number;
  path: string;
  creates: number;
  from: string;
  inFlight: number;
}

export interface Flood {
  /** Resolves once the flooder sends. */
  ready: Promise<void>;
  /** Stops the flood once `creates` are sent; the count per status. */
  stop(): Promise<FloodResult>;
  pid: number | undefined;
}

/** The CPU list a process may run on (`taskset -cp`). */
export const affinity = (pid: number): string =>
  execFileSync('taskset', ['-cp', String(pid)], { encoding: 'utf8' })
    .split(':')
    .pop()!
    .trim();

const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });

/** The method's setup: the server's command prefix, where the flooder runs, and the clean-up. */
export function prepare(method: Method): { serverPrefix: string[]; host: string; netns?: string; cleanup(): void } {
  if (method === 'shared') return { serverPrefix: [], host: '127.0.0.1', cleanup: () => undefined };
  if (availableParallelism() < 2) throw new Error(`--method ${method} needs 2 CPUs, this machine has 1`);
  // This process (its threads too) with the legitimate clients goes to CPU 1; the server gets CPU 0.
  run('taskset', '-a', '-cp', '1', String(process.pid));
  if (method === 'pinned') return { serverPrefix: ['taskset', '-c', '0'], host: '127.0.0.1', cleanup: () => undefined };
  if (process.getuid?.() !== 0) throw new Error('--method netns needs root (ip netns, veth)');
  const ns = `eatflood${process.pid}`;
  const [a, b] = [`eatf${process.pid % 100000}a`, `eatf${process.pid % 100000}b`];
  const cleanup = () => execFileSync('ip', ['netns', 'delete', ns], { stdio: 'ignore' });
  try {
    run('ip', 'netns', 'add', ns);
    run('ip', 'link', 'add', a, 'type', 'veth', 'peer', 'name', b);
    run('ip', 'link', 'set', b, 'netns', ns);
    run('ip', 'addr', 'add', '10.231.0.1/30', 'dev', a);
    run('ip', 'link', 'set', a, 'up');
    run('ip', 'netns', 'exec', ns, 'ip', 'addr', 'add', '10.231.0.2/30', 'dev', b);
    run('ip', 'netns', 'exec', ns, 'ip', 'link', 'set', b, 'up');
    run('ip', 'netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up');
  } catch (err) {
    cleanup();
    throw err;
  }
  return { serverPrefix: ['taskset', '-c', '0'], host: '10.231.0.1', netns: ns, cleanup };
}

/** Starts the flooder the method's way. */
export function startFlood(method: Method, where: { host: string; netns?: string }, spec: FloodSpec): Flood {
  const data = {
    url: `http://${where.host}:${spec.port}${spec.path}`,
    creates: spec.creates,
    from: spec.from,
    inFlight: spec.inFlight,
  };
  if (method === 'shared') {
    const w = new Worker(FLOOD, { eval: true, workerData: data });
    const result = new Promise<FloodResult>((ok, fail) => {
      w.on('message', (m: FloodResult | 'ready') => {
        if (m !== 'ready') void w.terminate().then(() => ok(m));
      });
      w.once('error', fail);
    });
    const ready = new Promise<void>((ok) => w.once('message', () => ok()));
    return { ready, pid: undefined, stop: () => (w.postMessage('stop'), result) };
  }
  const node = ['taskset', '-c', '1', 'nice', '-n', '19', process.execPath, '-e', FLOOD, JSON.stringify(data)];
  const argv = where.netns ? ['ip', 'netns', 'exec', where.netns, ...node] : node;
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
  let readyOk!: () => void;
  const ready = new Promise<void>((ok) => (readyOk = ok));
  const result = new Promise<FloodResult>((ok, fail) => {
    createInterface({ input: child.stdout! }).on('line', (l) => {
      const m = JSON.parse(l) as FloodResult | 'ready';
      if (m === 'ready') readyOk();
      else ok(m);
    });
    child.once('exit', (code) => fail(new Error(`the flooder exited ${code} before reporting`)));
  });
  return { ready, pid: child.pid, stop: () => (child.stdin!.end('stop\n'), result) };
}
