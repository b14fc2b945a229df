/** `statecraft token`: prints a local HS256 bearer token for the API (signed with the data dir's key). */
import * as path from 'node:path';
import { Command } from 'commander';
import { loadSigningKey } from '../../api/auth/load-signing-key';
import { DEFAULT_TOKEN_TTL, signLocalToken } from '../../api/auth/sign-local-token';
import { DEFAULT_DATA_DIR, SIGNING_KEY_FILE } from '../../api/config';
import { CliError } from '../cli-error';

type TokenOptions = { user: string; groups: string; ttl: string; dataDir: string };

const TTL = /^\d+\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|week|weeks)$/;

export function tokenCommand(): Command {
  return new Command('token')
    .description('Print a local bearer token for the API (groups: viewers, operators, approvers).')
    .requiredOption('-u, --user <name>', 'the user the token is for')
    .option('-g, --groups <list>', 'comma-separated groups (cognito:groups)', '')
    .option('--ttl <duration>', 'how long the token is valid, e.g. 30m, 8h, 7d', DEFAULT_TOKEN_TTL)
    .option('-d, --data-dir <dir>', 'where the signing key is kept (env STATECRAFT_DATA_DIR)', process.env.STATECRAFT_DATA_DIR ?? DEFAULT_DATA_DIR)
    .action(async (options: TokenOptions) => {
      const user = options.user.trim();
      if (user === '') throw new CliError('--user must not be empty', 2);
      if (!TTL.test(options.ttl.trim())) throw new CliError(`--ttl must be a duration such as 30m, 8h or 7d, got '${options.ttl}'`, 2);
      const groups = options.groups.split(',').map((group) => group.trim()).filter((group) => group !== '');
      const key = loadSigningKey(path.join(options.dataDir, SIGNING_KEY_FILE));
      process.stdout.write(`${await signLocalToken({ user, groups, ttl: options.ttl.trim() }, key)}\n`);
    });
}
