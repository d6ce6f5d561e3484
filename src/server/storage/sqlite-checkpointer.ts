/**
 * WAL checkpoints (copying the log into the database file, with fsyncs) in a worker thread on its
 * own connection, not on the event loop: done inline they stalled moves for tens of ms.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Logger } from '../log';

const CODE = `
  const { workerData, parentPort } = require('node:worker_threads');
  const Database = require(workerData.driver);
  const db = new Database(workerData.path);
  db.pragma('busy_timeout = 5000');
  const tick = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (err) { parentPort.postMessage(String(err)); } };
  setInterval(tick, workerData.everyMs);
`;

/** Starts the checkpoint worker for the database at `path` (opened as `db`); returns it, to terminate on close. */
export function startCheckpointer(db: Database.Database, path: string, logger: Logger): Worker {
  db.pragma('wal_autocheckpoint = 0');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(CODE, { eval: true, workerData: { driver, path, everyMs: 1000 } });
  worker.on('message', (m) => logger.warn(`storage: checkpoint: ${String(m)}`, { event: 'checkpoint' }));
  worker.on('error', (err) => {
    // Without the worker, SQLite checkpoints inline again: slower, never unsafe.
    logger.error('storage: checkpoint worker failed; checkpointing inline', { event: 'checkpoint', err });
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  });
  worker.unref();
  return worker;
}
