import * as fs from 'node:fs';
import { evaluateCases } from '../rules';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (path: string) => string;
}

const defaultIo: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readFile: (p) => fs.readFileSync(p, 'utf8'),
};

/**
 * `rules:eval FILE.json`: reads an array of cases, prints `[{ "id", "output" }]` as JSON to stdout.
 * Exit code 0; 2 with a message on stderr for a missing/unreadable file or invalid JSON.
 * A case with an unknown rule or bad input gets `output: { "error": … }` and does not stop the run.
 */
export function runRulesEvalCli(argv: string[], io: CliIo = defaultIo): number {
  const file = argv.find((a) => !a.startsWith('-'));
  if (!file) {
    io.stderr('usage: rules:eval FILE.json\n');
    return 2;
  }
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    io.stderr(`rules:eval: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    io.stderr(`rules:eval: invalid JSON in ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const cases = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === 'object' && Array.isArray((parsed as { cases?: unknown }).cases)
      ? (parsed as { cases: unknown[] }).cases
      : null;
  if (cases === null) {
    io.stderr(`rules:eval: ${file} must contain a JSON array of cases\n`);
    return 2;
  }
  io.stdout(`${JSON.stringify(evaluateCases(cases), null, 2)}\n`);
  return 0;
}
