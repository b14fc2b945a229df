/** Options read from the command line, else an environment variable, else the default; a blank variable is the default. */
import { Command, CommanderError } from 'commander';
import { envOption, parsePort, parseUrlOrPort } from '../../cli/env-option';

const VARIABLE = 'STATECRAFT_TEST_ENV_OPTION_PORT';

/** Parses `args` with `--port` read from VARIABLE (set to `value`, or unset), and returns the option's value and where it came from. */
function parse(args: string[], value?: string): { port: unknown; source: string | undefined } {
  const before = process.env[VARIABLE];
  if (value === undefined) delete process.env[VARIABLE];
  else process.env[VARIABLE] = value;
  try {
    const command = new Command('example')
      .exitOverride()
      .configureOutput({ writeErr: () => undefined })
      .addOption(envOption('--port <port>', 'a port', { env: VARIABLE, fallback: 8083, parse: parsePort }));
    command.parse(args, { from: 'user' });
    return { port: command.opts().port, source: command.getOptionValueSource('port') };
  } finally {
    if (before === undefined) delete process.env[VARIABLE];
    else process.env[VARIABLE] = before;
  }
}

/** The CommanderError `run` throws. */
function errorOf(run: () => unknown): CommanderError {
  try {
    run();
  } catch (error) {
    if (error instanceof CommanderError) return error;
    throw error;
  }
  throw new Error('expected a CommanderError');
}

describe('envOption', () => {
  it.each([
    ['neither is given', [], undefined, 8083, 'default'],
    ['the variable is set', [], '9001', 9001, 'env'],
    ['the variable is set with spaces', [], ' 9001 ', 9001, 'env'],
    ['the variable is blank', [], '', 8083, 'env'],
    ['the variable is only spaces', [], '   ', 8083, 'env'],
    ['the command line gives it', ['--port', '9002'], '9001', 9002, 'cli'],
  ])('reads the value when %s', (_case, args, value, port, source) => {
    const result = parse(args, value);

    expect(result).toStrictEqual({ port, source });
  });

  it('refuses a bad value from the variable, naming the variable, with exit status 2', () => {
    const error = errorOf(() => parse([], 'eighty'));

    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      `error: option '--port <port>' value 'eighty' from env '${VARIABLE}' is invalid. It must be a port number from 0 to 65535.`,
    );
  });

  it('shows the variable and the default in --help', () => {
    const help = new Command('example')
      .addOption(envOption('--port <port>', 'a port', { env: VARIABLE, fallback: 8083, parse: parsePort }))
      .helpInformation();

    expect(help).toContain(`a port (default: 8083, env: ${VARIABLE})`);
  });
});

describe('parsePort', () => {
  it.each([
    ['0', 0],
    ['8083', 8083],
    ['65535', 65535],
  ])('reads %s', (text, port) => {
    expect(parsePort(text)).toBe(port);
  });

  it.each(['65536', '-1', '80.5', '1e3', 'http', ''])('refuses %j', (text) => {
    expect(() => parsePort(text)).toThrow('It must be a port number from 0 to 65535.');
  });
});

describe('parseUrlOrPort', () => {
  it.each([
    ['3001', 'http://127.0.0.1:3001'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['https://api.example.com/prod', 'https://api.example.com/prod'],
  ])('reads %s as %s', (text, url) => {
    expect(parseUrlOrPort(text)).toBe(url);
  });

  it.each(['not a url', '70000'])('refuses %j', (text) => {
    expect(() => parseUrlOrPort(text)).toThrow(/It must be (a URL, or the port of a local server|a port number from 0 to 65535)\./);
  });
});
