/** onboard-customer's behaviour: screening, compliance review of risky customers, the customers record, the legacy import and the welcome drip. */
import { onboardCustomer, onboardCustomerExample, type OnboardCustomerInput } from '../../../../workflows/definitions';
import {
  closeApplication,
  createAccount,
  screenCustomer,
  sendOnboardingEmail,
} from '../../../../workflows/definitions/handlers/onboard-customer';
import { tables } from '../../../../workflows/definitions/tables';
import type { TaskFunction } from '../../../../workflows/dsl';
import { testWorkflow, workflowCoverage, workflowMatchers, type TaskMock, type TestedRun } from '../../../../workflows/testing';

expect.extend(workflowMatchers);

/** The example's account id: `ACC-` and the first 16 characters of the company's slug. */
const ACCOUNT_ID = 'ACC-NORTHWIND-TRADER';

/** A customer without legacy data or marketing opt-in: the shortest successful run. */
const plain: OnboardCustomerInput = { ...onboardCustomerExample, legacyAccount: undefined, marketingOptIn: false };

/** Outside the low-risk countries and without a tax id: risk 75, so compliance must review. */
const risky: OnboardCustomerInput = { ...plain, country: 'BR', taxId: undefined };

const customerWith = (changes: Partial<OnboardCustomerInput>): OnboardCustomerInput => ({ ...onboardCustomerExample, ...changes });

/** A transient Lambda service error on the first attempt, then the real handler's answer. */
function transientThen<In, Out>(task: TaskFunction<In, Out>): TaskMock<Out> {
  return { sequence: [{ error: 'Lambda.ServiceException', cause: 'Rate exceeded' }, { result: (input) => task.handler(input as In, {}) }] };
}

/** The payload the approval step sent to the approval-request function (from the run's TaskScheduled event). */
function approvalRequest(run: TestedRun<unknown>): { Payload: { message: string; input: unknown; approvers: unknown } } {
  const details = run.history
    .map((event) => event.taskScheduledEventDetails as { resource: string; parameters: string } | undefined)
    .find((each) => each?.resource === 'invoke.waitForTaskToken');
  if (!details) throw new Error(`no approval was requested; path: ${run.path.join(' → ')}`);
  return JSON.parse(details.parameters) as { Payload: { message: string; input: unknown; approvers: unknown } };
}

function customers(run: TestedRun<unknown>): Record<string, unknown>[] {
  return run.tables.customers;
}

describe('onboard-customer', () => {
  it('onboards the low-risk example: account, customers record, legacy import, welcome and tips three days later', async () => {
    const run = await testWorkflow(onboardCustomer, { input: onboardCustomerExample, tables });

    expect(run).toSucceed();
    expect(run.path).toEqual([
      'Screen customer',
      'Needs review?',
      'Create account',
      'Save customer',
      'Legacy data?',
      'Plan import',
      'Import legacy data',
      'Send welcome',
      'Wants tips?',
      'Welcome drip',
      'Send getting-started tips',
      'Onboarded',
      'Customer onboarded',
    ]);
    expect(run.states['Screen customer'].output).toMatchObject({
      screening: { Payload: { riskScore: 10, sanctionsMatch: false, findings: [] } },
    });
    expect(run.output).toEqual({
      customerId: ACCOUNT_ID,
      company: 'Northwind Traders GmbH',
      plan: 'business',
      tenantUrl: 'https://northwind-traders-gmbh.app.example.com',
      customerStatus: 'ACTIVE',
    });
    expect(run.durationMs).toBeGreaterThanOrEqual(3 * 24 * 3600 * 1000);
  });

  it('records the new customer in the customers table', async () => {
    const run = await testWorkflow(onboardCustomer, { input: plain, tables });

    expect(customers(run)).toEqual([
      {
        customerId: { S: ACCOUNT_ID },
        company: { S: 'Northwind Traders GmbH' },
        plan: { S: 'business' },
        country: { S: 'DE' },
        email: { S: 'lena.fischer@northwind.example' },
        riskScore: { N: '10' },
        customerStatus: { S: 'ACTIVE' },
        createdAt: { S: expect.stringMatching(/^2024-01-01T/) },
      },
    ]);
  });

  it('imports the legacy CRM data through a data-backfill child run', async () => {
    const run = await testWorkflow(onboardCustomer, { input: onboardCustomerExample, tables });

    expect(run.states['Plan import'].output).toMatchObject({
      import: {
        dataset: 'legacy-crm-NW-0042',
        targetTable: 'customer_history',
        partitions: onboardCustomerExample.legacyAccount?.partitions,
      },
    });
    expect(run.states['Import legacy data'].output).toMatchObject({
      importResult: {
        executionArn: expect.stringContaining(':execution:data-backfill:'),
        report: {
          dataset: 'legacy-crm-NW-0042',
          targetTable: 'customer_history',
          partitionsCopied: 2,
          partitionsFailed: 0,
          rowsCopied: 14_217,
        },
      },
    });
    expect(run.path).not.toContain('Import failed');
  });

  it('carries on without the history when the legacy import fails, marking it FAILED', async () => {
    const run = await testWorkflow(onboardCustomer, {
      input: customerWith({ legacyAccount: { accountId: 'NW-0042', partitions: [] } }),
      tables,
    });

    expect(run).toSucceed();
    expect(run).toHavePassedThrough('Import legacy data', 'Import failed', 'Send welcome', 'Customer onboarded');
    expect(run.states['Import failed'].output).toMatchObject({ importStatus: 'FAILED', importError: { Error: 'States.TaskFailed' } });
    expect(JSON.stringify(run.states['Import failed'].output)).toContain('InvalidBackfill');
  });

  it('skips the import for a customer without legacy data', async () => {
    const run = await testWorkflow(onboardCustomer, { input: customerWith({ legacyAccount: undefined }), tables });

    expect(run).toSucceed();
    expect(run.path[run.path.indexOf('Legacy data?') + 1]).toBe('Send welcome');
    expect(run.path).not.toContain('Plan import');
  });

  it('sends no tips and does not wait when the customer did not opt in', async () => {
    const run = await testWorkflow(onboardCustomer, { input: plain, tables });

    expect(run).toSucceed();
    expect(run.path.slice(-4)).toEqual(['Send welcome', 'Wants tips?', 'Onboarded', 'Customer onboarded']);
    expect(run.durationMs).toBeLessThan(3600 * 1000);
  });

  it('refuses a customer from a sanctioned country with SanctionedEntity, creating nothing', async () => {
    const run = await testWorkflow(onboardCustomer, { input: customerWith({ country: 'IR' }), tables });

    expect(run).toFailWith('SanctionedEntity', 'Northwind Traders GmbH (IR) matches a sanctions list');
    expect(run.path).toEqual(['Screen customer', 'Sanctions match']);
    expect(customers(run)).toEqual([]);
  });

  it.each([
    { riskScore: 70, next: 'Create account' },
    { riskScore: 71, next: 'Compliance review' },
  ])('routes risk score $riskScore to $next', async ({ riskScore, next }) => {
    const run = await testWorkflow(onboardCustomer, {
      input: plain,
      tables,
      mocks: { 'Screen customer': { result: { riskScore, sanctionsMatch: false, findings: [] } } },
      approvals: { 'Compliance review': { approve: true, by: 'carl.compliance' } },
    });

    expect(run).toSucceed();
    expect(run.path[run.path.indexOf('Needs review?') + 1]).toBe(next);
  });

  it('asks compliance about a risky customer and onboards it once approved', async () => {
    const run = await testWorkflow(onboardCustomer, {
      input: risky,
      tables,
      approvals: { 'Compliance review': { approve: true, by: 'carl.compliance', comment: 'documents checked' } },
    });

    expect(run).toSucceed();
    expect(run.states['Screen customer'].output).toMatchObject({ screening: { Payload: { riskScore: 75 } } });
    expect(run).toHavePassedThrough('Needs review?', 'Compliance review', 'Create account', 'Save customer');
    expect(run.states['Compliance review'].output).toMatchObject({
      approval: { approved: true, decidedBy: 'carl.compliance', comment: 'documents checked' },
    });
    expect(customers(run)).toEqual([
      expect.objectContaining({ customerId: { S: ACCOUNT_ID }, country: { S: 'BR' }, riskScore: { N: '75' } }),
    ]);
  });

  it('shows compliance the screening and a message naming the customer', async () => {
    const run = await testWorkflow(onboardCustomer, {
      input: risky,
      tables,
      approvals: { 'Compliance review': { approve: true, by: 'carl.compliance' } },
    });

    const { Payload } = approvalRequest(run);
    expect(Payload.message).toBe('Onboard Northwind Traders GmbH (BR, business plan)? Risk score 75.');
    expect(Payload.approvers).toEqual({ users: [], groups: ['compliance'], allowRequester: false });
    expect(Payload.input).toEqual({
      riskScore: 75,
      sanctionsMatch: false,
      findings: ['country BR is not on the low-risk list', 'no tax id given'],
    });
  });

  it.each([
    [
      'rejects',
      { approve: false as const, by: 'carl.compliance', reason: 'unclear ownership' },
      'Approval.Rejected',
      'rejected by compliance',
    ],
    ['does not review within 3 days', { expire: true as const }, 'States.Timeout', 'compliance review expired'],
  ])('closes the application with ApplicationClosed when compliance %s', async (_, decision, error, reason) => {
    const run = await testWorkflow(onboardCustomer, { input: risky, tables, approvals: { 'Compliance review': decision } });

    expect(run).toFailWith('ApplicationClosed');
    expect(run.path.slice(-3)).toEqual(['Compliance review', 'Close application', 'Application closed']);
    expect(run.states['Compliance review'].error).toBe(error);
    expect(run.states['Close application'].output).toMatchObject({
      closure: { Payload: { closed: true, notified: 'lena.fischer@northwind.example', reason } },
    });
    expect(run.path).not.toContain('Create account');
    expect(customers(run)).toEqual([]);
  });

  it('fails with CustomerAlreadyExists when the account id is already recorded, leaving the record as it was', async () => {
    const existing = { customerId: { S: ACCOUNT_ID }, company: { S: 'Northwind Traders GmbH' }, customerStatus: { S: 'SUSPENDED' } };
    const withCustomer = tables.map((table) => (table.name === 'customers' ? { ...table, sampleItems: [existing] } : table));

    const run = await testWorkflow(onboardCustomer, { input: plain, tables: withCustomer });

    expect(run).toFailWith('CustomerAlreadyExists');
    expect(run.states['Save customer'].error).toBe('DynamoDB.ConditionalCheckFailedException');
    expect(run.path.slice(-2)).toEqual(['Save customer', 'Customer exists']);
    expect(customers(run)).toEqual([existing]);
  });

  it('retries a screening that timed out, then screens', async () => {
    const run = await testWorkflow(onboardCustomer, {
      input: plain,
      tables,
      mocks: {
        'Screen customer': { sequence: [{ delay: '5m' }, { result: (input: unknown) => screenCustomer.handler(input as never, {}) }] },
      },
    });

    expect(run).toSucceed();
    expect(run.states['Screen customer']).toMatchObject({ attempts: 2, visits: 1 });
    expect(run.states['Screen customer'].output).toMatchObject({ screening: { Payload: { riskScore: 10 } } });
    // The 2-minute timeout, then 30 s of backoff.
    expect(run.durationMs).toBeGreaterThanOrEqual(150_000);
  });

  it('retries a throttled customers write, then goes on', async () => {
    const run = await testWorkflow(onboardCustomer, {
      input: plain,
      tables,
      mocks: { 'Save customer': { sequence: [{ error: 'DynamoDB.ProvisionedThroughputExceededException' }, { result: {} }] } },
    });

    expect(run).toSucceed();
    expect(run.states['Save customer']).toMatchObject({ attempts: 2 });
  });

  it.each([
    ['Screen customer', screenCustomer, plain, undefined],
    ['Create account', createAccount, plain, undefined],
    ['Send welcome', sendOnboardingEmail, plain, undefined],
    ['Send getting-started tips', sendOnboardingEmail, customerWith({ legacyAccount: undefined }), undefined],
    ['Close application', closeApplication, risky, { approve: false as const, by: 'carl.compliance' }],
  ] as const)('retries %s after a transient Lambda service error and carries on', async (state, task, input, decision) => {
    const run = await testWorkflow(onboardCustomer, {
      input,
      tables,
      mocks: { [state]: transientThen(task as TaskFunction<never, unknown>) },
      ...(decision ? { approvals: { 'Compliance review': decision } } : {}),
    });

    expect(run.states[state]).toMatchObject({ attempts: 2, visits: 1 });
    expect(run.status).toBe(decision ? 'FAILED' : 'SUCCEEDED');
  });

  it('covers every state, Choice branch, Catch and Retry arm', () => {
    const coverage = workflowCoverage().find((each) => each.workflow === 'onboard-customer');

    const uncovered = (coverage?.items ?? []).filter((item) => !coverage?.covered.includes(item.key)).map((item) => item.label);
    expect(coverage?.items.length).toBeGreaterThan(0);
    expect(uncovered).toEqual([]);
  });
});
