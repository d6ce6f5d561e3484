/** A sweep worker thread: plays the batches of games it is sent and replies with their records. */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerReply, WorkerTask } from './sweep';
import { createGameRunner, type RunnerConfig } from './sweep-runner';

const port = parentPort;
if (!port) throw new Error('sweep-worker must run in a worker thread');
const run = createGameRunner(workerData as RunnerConfig);

port.on('message', (task: WorkerTask) => {
  if (task.type === 'stop') {
    port.close();
    return;
  }
  try {
    const records = task.games.map(({ index, seed }) => ({ index, record: run(seed, index) }));
    port.postMessage({ type: 'done', records } satisfies WorkerReply);
  } catch (err) {
    port.postMessage({ type: 'error', message: (err as Error).message } satisfies WorkerReply);
  }
});
