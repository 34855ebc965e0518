import type { Logger } from './http/error-handler.js';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof LEVELS;

/** One line per event, readable on a console and greppable in a log file. */
export function createConsoleLogger(
  minLevel: LogLevel,
  write: (line: string) => void = (line) => {
    process.stderr.write(`${line}\n`);
  },
): Logger {
  return (level, message, fields) => {
    if (LEVELS[level] < LEVELS[minLevel]) return;
    const extra = fields
      ? ' ' +
        Object.entries(fields)
          .map(([k, v]) => `${k}=${v === undefined ? 'undefined' : JSON.stringify(v)}`)
          .join(' ')
      : '';
    write(`${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}${extra}`);
  };
}
