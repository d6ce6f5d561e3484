/** The shared tail of every command-line entry: run `main` only when the file is the script, and report crashes. */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Runs `main(argv)` if `moduleUrl` is the script node was started with, so tests can import the module. */
export function runAsScript(moduleUrl: string, name: string, main: (argv: string[]) => Promise<number> | number): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(resolve(process.argv[1])).href) return;
  Promise.resolve()
    .then(() => main(process.argv.slice(2)))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (err: unknown) => {
        process.stderr.write(`${name}: ${(err as Error).stack ?? String(err)}\n`);
        process.exitCode = 1;
      },
    );
}
