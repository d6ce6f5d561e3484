/**
 * The command line of every entry point (the CLIs in this folder and the benchmarks): node's own
 * `util.parseArgs` in strict mode, `--help` on each, and one kind of usage error (exit code 2) whose
 * message names the flag at fault.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options, P extends boolean> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: P }>
>;

/** Parses `argv` strictly: an unknown flag, a flag without its value or a stray argument is a UsageError. */
export function parseCommandLine<O extends Options, P extends boolean = false>(
  argv: string[],
  options: O,
  allowPositionals?: P,
): Parsed<O, P> {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: (allowPositionals ?? false) as P });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** `text` as a positive integer, or a UsageError naming `flag`. */
export function positiveInt(flag: string, text: string): number {
  if (!/^[1-9][0-9]*$/.test(text)) throw new UsageError(`${flag} must be a positive integer, got "${text}"`);
  return Number(text);
}

/** `text` as a whole number (0 allowed), or a UsageError naming `flag`. */
export function wholeNumber(flag: string, text: string): number {
  if (!/^(0|[1-9][0-9]*)$/.test(text))
    throw new UsageError(`${flag} must be a whole number (0 or more), got "${text}"`);
  return Number(text);
}

/** `text` as one of `choices`, or a UsageError naming `flag` and the choices. */
export function oneOf<C extends string>(flag: string, text: string, choices: readonly C[]): C {
  if (!(choices as readonly string[]).includes(text))
    throw new UsageError(`${flag} must be one of ${choices.join(', ')}, got "${text}"`);
  return text as C;
}

/** `text` as a comma-separated list of `choices` (at least one), or a UsageError naming `flag`. */
export function listOf<C extends string>(flag: string, text: string, choices: readonly C[]): C[] {
  return text.split(',').map((item) => oneOf(flag, item, choices));
}

/** `text` as a range FROM-TO of positive integers with FROM ≤ TO, or a UsageError naming `flag`. */
export function intRange(flag: string, text: string): [number, number] {
  const m = /^([1-9][0-9]*)-([1-9][0-9]*)$/.exec(text);
  if (!m || Number(m[1]) > Number(m[2]))
    throw new UsageError(`${flag} must be a range FROM-TO such as 1-5, got "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

/** The one positional argument a command takes (`what` names it in the message), or a UsageError. */
export function oneFile(positionals: string[], what: string): string {
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length ? `expected one ${what}, got ${positionals.length}` : `${what} is required`,
    );
  return positionals[0]!;
}

/** `text` as a Redis URL (the sweep queue), or a UsageError naming `flag`. */
export function redisUrl(flag: string, text: string): string {
  if (!/^rediss?:\/\/\S+$/.test(text))
    throw new UsageError(`${flag} must be a Redis URL such as redis://127.0.0.1:6379, got "${text}"`);
  return text;
}

/**
 * Runs a command's `body`: `--help` anywhere prints `usage` on stdout (exit 0); a UsageError prints
 * `name: problem` and the usage on stderr (exit 2). Other errors pass through.
 */
export async function withUsage(
  name: string,
  usage: string,
  argv: string[],
  body: (argv: string[]) => Promise<number> | number,
  err: (text: string) => void = (t) => process.stderr.write(`${t}\n`),
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  try {
    return await body(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`${name}: ${e.message}\n${usage}`);
    return 2;
  }
}

/**
 * For a top-level script (the benchmarks): `read` turns its parsed flags (and, with `positionals`,
 * its other arguments) into settings; on `--help` the usage is printed, on a UsageError the problem
 * and the usage, and the process ends.
 */
export function scriptFlags<O extends Options, T>(
  name: string,
  usage: string,
  options: O,
  read: (values: Parsed<O, false>['values'], positionals: string[]) => T,
  positionals = false,
): T {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  try {
    const parsed = parseCommandLine(argv, options, positionals);
    return read(parsed.values as Parsed<O, false>['values'], parsed.positionals);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${name}: ${e.message}\n${usage}\n`);
    process.exit(2);
  }
}
