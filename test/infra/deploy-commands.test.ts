import { preflight } from '../../infra/deploy/preflight';
import { deployReport } from '../../infra/deploy/print-outputs';

/** An environment with nothing of AWS in it: no shared files, no instance metadata (never leave loopback). */
const bare = {
  HOME: '/nonexistent',
  AWS_CONFIG_FILE: '/nonexistent/config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
  AWS_EC2_METADATA_DISABLED: 'true',
};

describe('make deploy preflight', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
  const withEnv = (env: Record<string, string>) => {
    process.env = { PATH: saved.PATH, ...bare, ...env };
    return preflight(process.env);
  };

  it('stops without a region and says what to set', async () => {
    await expect(withEnv({})).resolves.toEqual({ ok: false, problem: expect.stringContaining('Set AWS_REGION') });
  });

  it('stops without credentials and names the variables to set', async () => {
    const result = await withEnv({ AWS_REGION: 'eu-west-1' });
    expect(result).toEqual({
      ok: false,
      problem: expect.stringMatching(/No AWS credentials found[\s\S]*AWS_PROFILE[\s\S]*AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/),
    });
  });

  it('refuses a stage name AWS resources cannot carry', async () => {
    await expect(withEnv({ AWS_REGION: 'eu-west-1', STAGE: 'Prod_1' })).resolves.toEqual({
      ok: false,
      problem: expect.stringContaining('STAGE must be 1 to 16 lower-case letters'),
    });
  });

  it('goes ahead with credentials and a region from the environment', async () => {
    await expect(
      withEnv({ AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', STAGE: 'prod' }),
    ).resolves.toEqual({ ok: true, region: 'eu-west-1', stage: 'prod' });
  });
});

describe('the report after a deploy', () => {
  const outputs = JSON.stringify({
    'Statecraft-prod': {
      ConsoleUrl: 'https://d111.cloudfront.net',
      ApiUrl: 'https://abc.execute-api.eu-west-1.amazonaws.com',
      UserPoolId: 'eu-west-1_AbC',
      BotId: 'BOT123',
    },
  });

  it('lists the outputs and how to add the first user to a group in that pool', () => {
    const report = deployReport(outputs, 'Statecraft-prod');
    expect(report).toMatch(/ConsoleUrl\s+https:\/\/d111\.cloudfront\.net/);
    expect(report).toContain('admin-create-user --user-pool-id eu-west-1_AbC');
    expect(report).toContain('admin-add-user-to-group --user-pool-id eu-west-1_AbC --username alice --group-name admins');
  });

  it('says which stack is missing from the outputs file', () => {
    expect(() => deployReport(outputs, 'Statecraft-dev')).toThrow('the outputs file has no stack named Statecraft-dev');
  });
});
