/** Options read from the command line, else an environment variable, else a default; --help shows the variable and the default. */
import { InvalidArgumentError, Option } from 'commander';
import { localUrl } from '../workflows/local-defaults';

/** How an option is read from its environment variable. */
export type EnvOptionSource<T> = {
  /** The variable, e.g. `SFN_PORT`. */
  env: string;
  /** The value when neither the command line nor the variable gives one. */
  fallback: T;
  /** Turns the given text into the value; throws `usageError` when it cannot. */
  parse?: (value: string) => T;
};

/**
 * `new Option(flags).env(env).default(fallback)` with a parser that trims, and reads a blank value
 * (`SFN_PORT=`) as the default, as api/config.ts reads the environment.
 * https://github.com/tj/commander.js#environment-variables-and-defaults
 */
export function envOption<T = string>(
  flags: string,
  description: string,
  { env, fallback, parse = (value) => value as T }: EnvOptionSource<T>,
): Option {
  return new Option(flags, description)
    .env(env)
    .default(fallback)
    .argParser((value: string) => {
      const trimmed = value.trim();
      return trimmed === '' ? fallback : parse(trimmed);
    });
}

/** A value commander refuses with exit status 2, naming the option (and the variable, when it came from there). */
export function usageError(expected: string): InvalidArgumentError {
  const error = new InvalidArgumentError(expected);
  error.exitCode = 2;
  return error;
}

/** A port number from 0 to 65535 (0 picks a free one). */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw usageError('It must be a port number from 0 to 65535.');
  return port;
}

/** A URL, or a bare port number standing for the local server on that port (what PORT and SFN_PORT hold). */
export function parseUrlOrPort(value: string): string {
  if (/^\d+$/.test(value)) return localUrl(parsePort(value));
  if (!URL.canParse(value)) throw usageError('It must be a URL, or the port of a local server.');
  return value;
}
