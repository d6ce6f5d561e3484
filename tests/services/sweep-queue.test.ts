/**
 * Seed sweeps across machines (src/sim/queue.ts) against a real Redis: worker processes started as
 * `npm run sim:worker` starts them, a producer run as `npm run sim` runs it, and the summary compared
 * byte for byte with the local sweep of the same seed — also when a worker is killed mid-sweep.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, scenarioHash, SWEEP_QUEUE, type SweepJob } from '../../src/sim/queue';
import { serviceUrl } from './probe';

// A database of its own, so a developer's real sweeps on the default database never meet these jobs.
const url = serviceUrl('redis').replace(/\/\d*$/, '') + '/7';

function sim(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function startWorker(): ChildProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/sim-worker.ts', '--queue', url, '--workers', '1'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  child.stderr!.setEncoding('utf8');
  return child;
}

/** Resolves once the worker says it is waiting for jobs. */
function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stderr!.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('waiting for sweep jobs')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready: ${text}`)));
  });
}

const workers: ChildProcess[] = [];

beforeAll(async () => {
  const redis = await connectRedis(url, true);
  await redis.flushdb();
  redis.disconnect();
  workers.push(startWorker(), startWorker());
  await Promise.all(workers.map(ready));
});

afterAll(() => {
  for (const w of workers) w.kill('SIGKILL');
});

const sweep = ['--scenario', 'taiwan-strait-crisis', '--games', '40', '--seed', 'queue-1', '--json'];

describe('a sweep on the queue', () => {
  it('gives the same summary, byte for byte, as the local sweep of the same seed', () => {
    const local = sim([...sweep, '--workers', '1']);
    const queued = sim([...sweep, '--queue', url]);
    expect(local.code, local.stderr).toBe(0);
    expect(queued.code, queued.stderr).toBe(0);
    expect(queued.stderr).toContain('sim:worker -- --queue');
    expect(queued.stdout).toBe(local.stdout);
  });

  it('writes the same summary and games files with --out', () => {
    const a = mkdtempSync(join(tmpdir(), 'queue-local-'));
    const b = mkdtempSync(join(tmpdir(), 'queue-remote-'));
    expect(sim([...sweep, '--games', '12', '--workers', '1', '--out', a]).code).toBe(0);
    expect(sim([...sweep, '--games', '12', '--queue', url, '--out', b]).code).toBe(0);
    for (const file of ['summary.json', 'games.csv'])
      expect(readFileSync(join(b, file), 'utf8')).toBe(readFileSync(join(a, file), 'utf8'));
  });

  it('finishes with the same summary when a worker is killed mid-sweep', async () => {
    const local = sim([...sweep, '--games', '30', '--seed', 'queue-2', '--workers', '1']);
    const run = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/sim.ts', ...sweep, '--games', '30', '--seed', 'queue-2', '--queue', url],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    run.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    // Kill one worker as soon as it has played a batch: its next batch stalls and goes to the other.
    const victim = workers.shift()!;
    await new Promise<void>((resolve) => victim.stderr!.on('data', (c: string) => c.includes('games of') && resolve()));
    victim.kill('SIGKILL');
    workers.push(startWorker());
    const code = await new Promise<number | null>((resolve) => run.once('exit', resolve));
    expect(code).toBe(0);
    expect(stdout).toBe(local.stdout);
  });

  it('fails a job whose producer plays a different scenario file, and says so', async () => {
    const redis = await connectRedis(url, true);
    const queue = new Queue<SweepJob>(SWEEP_QUEUE, { connection: redis });
    const events = new QueueEvents(SWEEP_QUEUE, { connection: redis.duplicate() });
    await events.waitUntilReady();
    const job = await queue.add('games', {
      sweep: 'mismatch',
      config: { scenario: 'baseline-2023', variant: 4, bots: {} as SweepJob['config']['bots'], saveDir: undefined },
      scenarioHash: `not-${scenarioHash('baseline-2023')}`,
      games: [{ index: 0, seed: 'x' }],
    });
    await expect(job.waitUntilFinished(events)).rejects.toThrow(/differs from the producer's.*same version/);
    await job.remove();
    await events.close();
    await queue.close();
    redis.disconnect();
  });
});
