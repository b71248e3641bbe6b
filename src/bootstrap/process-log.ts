import { format } from 'node:util';
import pino from 'pino';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * The process's own JSON logger (pino, synchronous so a line is written before `process.exit`) for
 * what happens outside Nest's logger: start-up failures, uncaught errors, and libraries that print
 * with `console` or `process.emitWarning`. Every line is one JSON object; stacks go into `err.stack`.
 */
export const processLog = pino(
  { level: LEVELS.includes(process.env.LOG_LEVEL ?? '') ? process.env.LOG_LEVEL : 'info' },
  pino.destination({ dest: 1, sync: true }),
);

/** Logs `err` (with its stack) as one fatal JSON line and exits with `code`. */
export function exitWithFatal(err: unknown, msg: string, code = 1): never {
  processLog.fatal({ err }, msg);
  process.exit(code);
}

/**
 * Sends console output, process warnings and uncaught errors of a long-running process through
 * `processLog`, so nothing reaches stdout/stderr as raw text (a raw stack trace is many lines that
 * log collectors split into unrelated records). An uncaught error still ends the process (code 1).
 */
export function routeProcessOutputToLog(processName: string): void {
  const route =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]): void => {
      if (args[0] instanceof Error) processLog[level]({ err: args[0], source: 'console' }, format(...args.slice(1)));
      else processLog[level]({ source: 'console' }, format(...args));
    };
  console.debug = route('debug');
  console.log = route('info');
  console.info = route('info');
  console.warn = route('warn');
  console.error = route('error');
  // Node's default warning printer writes plain text to stderr; the listener below replaces it.
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    processLog.warn({ err: warning }, `${processName}: process warning`);
  });
  process.on('uncaughtException', (err) => exitWithFatal(err, `${processName}: uncaught exception`));
  process.on('unhandledRejection', (reason) => exitWithFatal(reason, `${processName}: unhandled promise rejection`));
}
