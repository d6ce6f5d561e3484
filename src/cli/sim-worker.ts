/**
 * A sweep worker for seed sweeps across machines: `npm run sim:worker -- --queue redis://HOST:PORT
 * [--workers N]`. Plays the jobs that `npm run sim -- … --queue URL` puts on the queue until stopped
 * (Ctrl-C or SIGTERM finishes the batch in hand first). Bad flags: a message and exit code 2.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { QueueError, startQueueWorker } from '../sim/queue';
import { defaultWorkers } from '../sim/sweep';
import { parseCommandLine, positiveInt, redisUrl, UsageError, withUsage } from './args';
import { runAsScript } from './run-as-script';

export const SIM_WORKER_USAGE = `usage: npm run sim:worker -- --queue redis://HOST:PORT [--workers N]
  plays seed-sweep games from the queue until stopped; --workers: processes on this machine (default: all cores)`;

export interface SimWorkerArgs {
  queue: string;
  workers: number;
}

export function parseSimWorkerArgs(argv: string[]): SimWorkerArgs {
  const { values } = parseCommandLine(argv, { queue: { type: 'string' }, workers: { type: 'string' } });
  if (values.queue === undefined) throw new UsageError('--queue is required');
  return {
    queue: redisUrl('--queue', values.queue),
    workers: values.workers === undefined ? defaultWorkers() : positiveInt('--workers', values.workers),
  };
}

/** Resolves when a stop signal arrives. */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => resolve(sig));
  });
}

export function main(argv: string[]): Promise<number> {
  return withUsage('sim:worker', SIM_WORKER_USAGE, argv, (a) => work(parseSimWorkerArgs(a)));
}

async function work(args: SimWorkerArgs): Promise<number> {
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
