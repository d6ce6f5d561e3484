/**
 * `npm run validate -- FILE...`: check scenario files. Prints `OK file` for each good file and every
 * problem of a bad one as `file: $.path: message`. Exit 0 all good, 1 any problem, 2 usage.
 */
import { readFileSync } from 'node:fs';
import { loadScenarioFile } from '../content/scenario';
import { runAsScript } from './run-as-script';

export function validateFiles(
  files: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): number {
  if (files.length === 0) {
    err('usage: npm run validate -- FILE.json [FILE.json ...]');
    err('Checks scenario files against the scenario format and the game content; exits 1 if any file has a problem.');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      err(
        `${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(code ?? e)})`,
      );
      failed++;
      continue;
    }
    const result = loadScenarioFile(text, file);
    if (result.ok) {
      out(`OK ${file}`);
      continue;
    }
    failed++;
    for (const p of result.problems) err(`${file}: ${p.path}: ${p.message}`);
  }
  if (files.length > 1) (failed ? err : out)(`${files.length - failed} of ${files.length} files OK`);
  return failed ? 1 : 0;
}

runAsScript(import.meta.url, 'validate', (argv) =>
  validateFiles(
    argv.filter((a) => a !== '--'),
    (l) => console.log(l),
    (l) => console.error(l),
  ),
);
