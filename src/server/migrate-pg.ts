/**
 * `npm run migrate:pg -- --from DATA_DIR --to postgres://…`: copies a SQLite deployment's matches
 * into PostgreSQL (storage/copy-to-pg.ts), applying the PostgreSQL schema first. Stop the SQLite
 * server first (its data directory lock is taken). Safe to run again: matches already copied are
 * skipped. Exit 0 when every match is in PostgreSQL with the same content, 1 on a conflict or
 * error, 2 on bad arguments.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataDirLockedError } from './data-dir-lock';
import { consoleLogger } from './log';
import { PgStorage, SqliteStorage } from './storage';
import { copySqliteToPg } from './storage/copy-to-pg';

const USAGE = 'usage: npm run migrate:pg -- --from DATA_DIR --to postgres://user@host:5432/database';

function args(): { from: string; to: string } {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (!values.from) throw new Error("--from: the SQLite data directory (the server's DATA_DIR) is required");
  if (!values.to) throw new Error('--to: the PostgreSQL URL is required');
  if (!/^postgres(ql)?:\/\//.test(values.to)) throw new Error(`--to: expected a postgres:// URL, got "${values.to}"`);
  const file = join(resolve(values.from), 'matches.sqlite');
  if (!existsSync(file)) throw new Error(`--from: no SQLite database at ${file}`);
  return { from: values.from, to: values.to };
}

async function main(): Promise<number> {
  let opts: { from: string; to: string };
  try {
    opts = args();
  } catch (err) {
    process.stderr.write(`migrate:pg: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const logger = consoleLogger({ quiet: true });
  let source: SqliteStorage | undefined;
  const target = new PgStorage({ url: opts.to, logger, poolSize: 2 });
  try {
    source = new SqliteStorage({ dataDir: opts.from, logger, lock: true, checkpointWorker: false });
    await target.connect();
    const report = await copySqliteToPg(source.db, target.pool, (id, outcome) => {
      if (outcome === 'conflict')
        process.stderr.write(`conflict: match ${id} is in PostgreSQL with other content; left alone\n`);
    });
    process.stdout.write(
      `migrate:pg: ${report.matches} matches in ${source.location}: ${report.copied} copied ` +
        `(${report.logEntries} log entries, ${report.chatMessages} chat messages), ${report.alreadyThere} already there, ` +
        `${report.conflicts.length} conflicts; every copy verified (SHA-256 of its contents) into ${target.location}\n`,
    );
    return report.conflicts.length > 0 ? 1 : 0;
  } catch (err) {
    const stopFirst = err instanceof DataDirLockedError ? ' (stop the server using it first)' : '';
    process.stderr.write(`migrate:pg: ${(err as Error).message}${stopFirst}\n`);
    return 1;
  } finally {
    await source?.close();
    await target.close();
  }
}

process.exitCode = await main();
