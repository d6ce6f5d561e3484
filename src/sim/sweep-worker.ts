/** A sweep worker thread: takes a sweep's config, plays the batches of games it is sent and replies with their records. */
import { parentPort } from 'node:worker_threads';
import type { WorkerReply, WorkerTask } from './sweep';
import { createGameRunner } from './sweep-runner';

const port = parentPort;
if (!port) throw new Error('sweep-worker must run in a worker thread');
let run: ReturnType<typeof createGameRunner> | undefined;

port.on('message', (task: WorkerTask) => {
  try {
    if (task.type === 'config') {
      run = createGameRunner(task.config);
      return;
    }
    if (!run) throw new Error('sweep-worker: games sent before the sweep’s config');
    const play = run;
    const records = task.games.map(({ index, seed }) => ({ index, record: play(seed, index) }));
    port.postMessage({ type: 'done', records } satisfies WorkerReply);
  } catch (err) {
    port.postMessage({ type: 'error', message: (err as Error).message } satisfies WorkerReply);
  }
});
