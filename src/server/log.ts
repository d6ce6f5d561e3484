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

/**
 * boardgame.io reports refused actions with `console.error('ERROR:', text)` where the text holds the
 * client's raw move name and arguments (log injection: newlines, fake JSON lines). While a server runs,
 * such lines become structured warnings carrying only the kind of refusal, cut at the first client
 * value; its `INFO:` lines are dropped. Returns the function that stops routing to this logger (the
 * console is restored when no server routes any more: tests run several in one process).
 */
export function routeBoardgameLogs(logger: Logger): () => void {
  if (routedTo.size === 0) {
    const { error, log } = console;
    console.error = (...args: unknown[]) => {
      if (args[0] !== 'ERROR:') return error.apply(console, args);
      for (const l of routedTo)
        l.warn('boardgame.io refused an action', { event: 'bgio', reason: refusalKind(String(args[1])) });
    };
    console.log = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('INFO: ')) return;
      return log.apply(console, args);
    };
    restoreConsole = () => {
      console.error = error;
      console.log = log;
    };
  }
  routedTo.add(logger);
  return () => {
    routedTo.delete(logger);
    if (routedTo.size === 0) restoreConsole();
  };
}

const routedTo = new Set<Logger>();
let restoreConsole = (): void => undefined;

/** The words before boardgame.io's first interpolated value ("invalid move", "disallowed move", "player not active"…). */
export function refusalKind(text: string): string {
  return (/^[A-Za-z ,/]*/.exec(text)?.[0] ?? '').replace(/[\s,]+$/, '').slice(0, 60) || 'other';
}
