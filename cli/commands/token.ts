/** `statecraft token`: prints a local HS256 bearer token for the API (signed with the data dir's key). */
import * as path from 'node:path';
import { Command } from 'commander';
import { loadSigningKey } from '../../api/auth/load-signing-key';
import { DEFAULT_TOKEN_TTL, signLocalToken } from '../../api/auth/sign-local-token';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, SIGNING_KEY_FILE } from '../../api/config';
import { catalogue } from '../../workflows/definitions';
import { approvalStepsOf, compile } from '../../workflows/dsl';
import { CliError } from '../cli-error';
import type { CliIo } from '../cli-io';
import { dataDirOption } from '../stack-options';

type TokenOptions = { user: string; groups: string; ttl: string; dataDir: string };

const TTL = /^(\d+)\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|week|weeks)$/;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** The global roles (api/access/access-rule.ts ROLE_GROUPS) and what each lets a caller do. */
const ROLES: ReadonlyArray<readonly [group: string, grants: string]> = [
  ['viewers', 'read runs and their history'],
  ['operators', 'start and stop runs, and read them'],
  ['approvers', 'read runs; deciding needs a group the approval step names'],
  ['admins', "read, start and stop every workflow's runs"],
];

export function tokenCommand({ stdout, stderr }: CliIo): Command {
  return new Command('token')
    .description(
      'Print a local bearer token for the API. Groups: viewers (read), operators (start/stop), approvers, admins, and the approval groups listed below.',
    )
    .requiredOption('-u, --user <name>', 'the user the token is for')
    .option('-g, --groups <list>', 'comma-separated groups (cognito:groups)', '')
    .option(
      '--ttl <duration>',
      `how long the token is valid, e.g. 30m, 8h, 24h (at most ${formatTtl(DEFAULT_MAX_TOKEN_LIFETIME_SECONDS)})`,
      DEFAULT_TOKEN_TTL,
    )
    .addOption(dataDirOption('where the signing key is kept (the stack started with the same data dir accepts the token)'))
    .addHelpText('after', groupsHelp)
    .action(async (options: TokenOptions) => {
      const user = options.user.trim();
      if (user === '') throw new CliError('--user must not be empty', 2);
      const ttlSeconds = parseTtl(options.ttl);
      const groups = options.groups
        .split(',')
        .map((group) => group.trim())
        .filter((group) => group !== '');
      const dataDir = path.resolve(options.dataDir);
      const keyFile = path.join(dataDir, SIGNING_KEY_FILE);
      const token = await signLocalToken({ user, groups, ttl: `${ttlSeconds}s` }, loadSigningKey(keyFile));
      stdout.write(`${token}\n`);
      stderr.write(`signed with the key in ${keyFile}; the stack started with STATECRAFT_DATA_DIR=${dataDir} accepts it\n`);
    });
}

/** The --ttl in seconds: a duration above 0 and no longer than the API accepts by default. */
function parseTtl(text: string): number {
  const match = TTL.exec(text.trim());
  if (!match) throw new CliError(`--ttl must be a duration such as 30m, 8h or 24h, got '${text}'`, 2);
  const seconds = Number(match[1]) * (UNIT_SECONDS[match[2][0]] ?? 1);
  if (seconds <= 0) throw new CliError(`--ttl must be longer than 0, got '${text}'`, 2);
  if (seconds > DEFAULT_MAX_TOKEN_LIFETIME_SECONDS) {
    const most = `${formatTtl(DEFAULT_MAX_TOKEN_LIFETIME_SECONDS)} (${DEFAULT_MAX_TOKEN_LIFETIME_SECONDS} s)`;
    throw new CliError(`--ttl may be at most ${most}, the longest token the API accepts (TOKEN_MAX_LIFETIME_SECONDS); got '${text}'`, 2);
  }
  return seconds;
}

/** `24h`, `90m`, `45s`: the largest whole unit. */
function formatTtl(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  return seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
}

/** The roles, then every group an approval step of the sample catalogue names, with the workflows it decides for. */
function groupsHelp(): string {
  const deciders = new Map<string, string[]>();
  for (const workflow of catalogue) {
    for (const step of approvalStepsOf(compile(workflow).definition)) {
      for (const group of step.approvers.groups) {
        const workflows = deciders.get(group) ?? [];
        if (!workflows.includes(workflow.name)) workflows.push(workflow.name);
        deciders.set(group, workflows);
      }
    }
  }
  const approvals = [...deciders].map(([group, workflows]) => [group, `decide approvals of ${workflows.join(', ')}`] as const);
  const width = Math.max(...[...ROLES, ...approvals].map(([group]) => group.length));
  const rows = (entries: ReadonlyArray<readonly [string, string]>) =>
    entries.map(([group, grants]) => `  ${group.padEnd(width)}  ${grants}`);
  return [
    '',
    'Global roles (--groups):',
    ...rows(ROLES),
    '',
    'Approval groups the sample workflows name:',
    ...rows(approvals),
    '',
    `Tokens live at most ${formatTtl(DEFAULT_MAX_TOKEN_LIFETIME_SECONDS)}: the API refuses longer ones (TOKEN_MAX_LIFETIME_SECONDS, default ${DEFAULT_MAX_TOKEN_LIFETIME_SECONDS}).`,
    'The token is printed on stdout; which key signed it goes to stderr.',
  ].join('\n');
}
