/** The server's structured log: one JSON line per event on stderr, so errors carry their match id and are never swallowed. */

export interface LogFields {
  matchID?: string | undefined;
  playerID?: string | null | undefined;
  event?: string;
  [key: string]: unknown;
}

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields & { err?: unknown }): void;
}

function describe(err: unknown): unknown {
  if (err instanceof Error)
    return { name: err.name, message: err.message, stack: err.stack?.split('\n').slice(0, 6).join('\n') };
  return err;
}

function line(level: string, message: string, fields: (LogFields & { err?: unknown }) | undefined): string {
  const { err, ...rest } = fields ?? {};
  const out: Record<string, unknown> = { t: new Date().toISOString(), level, msg: message, ...rest };
  if (err !== undefined) out.err = describe(err);
  return JSON.stringify(out);
}

/** Writes JSON lines to stderr; `quiet` drops info lines (tests, benchmarks). */
export function consoleLogger(opts: { quiet?: boolean } = {}): Logger {
  return {
    info: (m, f) => {
      if (!opts.quiet) process.stderr.write(line('info', m, f) + '\n');
    },
    warn: (m, f) => process.stderr.write(line('warn', m, f) + '\n'),
    error: (m, f) => process.stderr.write(line('error', m, f) + '\n'),
  };
}

/** A logger that keeps every line in memory, for tests that assert an error was reported. */
export function memoryLogger(): Logger & {
  lines: { level: string; message: string; fields: LogFields & { err?: unknown } }[];
} {
  const lines: { level: string; message: string; fields: LogFields & { err?: unknown } }[] = [];
  const push = (level: string) => (message: string, fields?: LogFields & { err?: unknown }) => {
    lines.push({ level, message, fields: fields ?? {} });
  };
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}
