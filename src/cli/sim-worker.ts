/**
 * A sweep worker for seed sweeps across machines: `npm run sim:worker -- --queue redis://HOST:PORT
 * [--workers N]`. Plays the jobs that `npm run sim -- … --queue URL` puts on the queue until stopped
 * (Ctrl-C or SIGTERM finishes the batch in hand first). Bad flags: a message and exit code 2.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { QueueError, startQueueWorker } from '../sim/queue';
import { defaultWorkers } from '../sim/sweep';
import { runAsScript } from './run-as-script';

export const SIM_WORKER_USAGE = `usage: npm run sim:worker -- --queue redis://HOST:PORT [--workers N]
  plays seed-sweep games from the queue until stopped; --workers: processes on this machine (default: all cores)`;

export interface SimWorkerArgs {
  queue: string;
  workers: number;
}

export class UsageError extends Error {}

export function parseSimWorkerArgs(argv: string[]): SimWorkerArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { queue: { type: 'string' }, workers: { type: 'string' }, help: { type: 'boolean' } },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.queue === undefined) throw new UsageError('--queue is required');
  if (!/^rediss?:\/\/\S+$/.test(values.queue))
    throw new UsageError(`--queue must be a Redis URL such as redis://127.0.0.1:6379, got "${values.queue}"`);
  if (values.workers !== undefined && !/^[1-9][0-9]*$/.test(values.workers))
    throw new UsageError(`--workers must be a positive integer, got "${values.workers}"`);
  return { queue: values.queue, workers: values.workers === undefined ? defaultWorkers() : Number(values.workers) };
}

/** Resolves when a stop signal arrives. */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => resolve(sig));
  });
}

export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(`${SIM_WORKER_USAGE}\n`);
    return 0;
  }
  let args: SimWorkerArgs;
  try {
    args = parseSimWorkerArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`sim:worker: ${err.message}\n${SIM_WORKER_USAGE}\n`);
      return 2;
    }
    throw err;
  }
  // A game is CPU-bound: one process per core, each playing one batch at a time.
  const children: ChildProcess[] = [];
  for (let i = 1; i < args.workers; i++)
    children.push(fork(process.argv[1]!, ['--queue', args.queue, '--workers', '1'], { stdio: 'inherit' }));
  let worker;
  try {
    worker = await startQueueWorker(args.queue, (job, ms) =>
      process.stderr.write(
        `sim:worker[${process.pid}]: ${job.games.length} games of ${job.config.scenario} in ${Math.round(ms)} ms\n`,
      ),
    );
  } catch (err) {
    for (const child of children) child.kill('SIGTERM');
    if (err instanceof QueueError) {
      process.stderr.write(`sim:worker: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  process.stderr.write(`sim:worker[${process.pid}]: waiting for sweep jobs on ${args.queue}\n`);
  const signal = await stopSignal();
  for (const child of children) child.kill(signal);
  await worker.close();
  await Promise.all(
    children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : undefined)),
  );
  return 0;
}

runAsScript(import.meta.url, 'sim:worker', main);
