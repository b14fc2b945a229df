/** `onboard-customer`: screen, compliance review when risky, create and store the account, import legacy data, welcome drip. */
import { dynamodb, startWorkflow, workflow } from '../dsl';
import { dataBackfill } from './data-backfill';
import type { BackfillPartition } from './handlers/data-backfill';
import { closeApplication, createAccount, screenCustomer, sendOnboardingEmail, type Plan } from './handlers/onboard-customer';

/**
 * A business customer signing up. Risk rises outside the low-risk countries, without `taxId` and
 * with a free-mail address; above 70 compliance must approve; a sanctioned country is refused.
 * `legacyAccount` imports the customer's history from the legacy CRM through `data-backfill`.
 */
export type OnboardCustomerInput = {
  company: string;
  contact: { name: string; email: string };
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  plan: Plan;
  taxId?: string;
  marketingOptIn: boolean;
  legacyAccount?: { accountId: string; partitions: BackfillPartition[] };
};

/** A German business customer migrating from the legacy CRM (low risk: no review). */
export const onboardCustomerExample: OnboardCustomerInput = {
  company: 'Northwind Traders GmbH',
  contact: { name: 'Lena Fischer', email: 'lena.fischer@northwind.example' },
  country: 'DE',
  plan: 'business',
  taxId: 'DE811907980',
  marketingOptIn: true,
  legacyAccount: {
    accountId: 'NW-0042',
    partitions: [
      { key: 'contacts', rows: 1_840 },
      { key: 'invoices', rows: 12_377 },
    ],
  },
};

/** Risk score above which compliance must approve the customer. */
const REVIEW_ABOVE_RISK = 70;

/** Onboards a business customer, from screening to the getting-started email three days later. */
export const onboardCustomer = workflow(
  'onboard-customer',
  {
    description:
      'Screens a new business customer, asks compliance to approve risky ones, then creates and records the account and imports its legacy data. Welcome and getting-started emails follow, three days apart.',
    example: onboardCustomerExample,
    aliases: ['customer onboarding', 'onboarding', 'new customer', 'onboard a customer'],
    timeout: '14d',
  },
  (start) =>
    start
      .task('Screen customer', screenCustomer, { resultPath: '$.screening', timeout: '2m' })
      .retry({ errors: ['States.Timeout'], interval: '30s', maxAttempts: 2, backoffRate: 2 })
      .catch(['SanctionedEntity'], (b) => b.fail('Sanctions match', { error: 'SanctionedEntity', causePath: '$.error.Cause' }), {
        resultPath: '$.error',
      })
      .choice('Needs review?', (c) =>
        c
          .when(c.number('$.screening.Payload.riskScore').greaterThan(REVIEW_ABOVE_RISK), (risky) =>
            risky
              .approval('Compliance review', {
                approvers: { groups: ['compliance'] },
                message: 'Onboard {$.company} ({$.country}, {$.plan} plan)? Risk score {$.screening.Payload.riskScore}.',
                timeout: '3d',
                context: '$.screening.Payload',
              })
              .onRejected((rejected) =>
                rejected
                  .task('Close application', closeApplication, {
                    parameters: { 'company.$': '$.company', 'email.$': '$.contact.email', 'decision.$': '$.approval.Error' },
                    resultPath: '$.closure',
                  })
                  .fail('Application closed', {
                    error: 'ApplicationClosed',
                    cause: 'Compliance rejected the customer or did not review it within 3 days.',
                  }),
              )
              .onExpired('Close application'),
          )
          .otherwise((b) => b),
      )
      .task('Create account', createAccount, {
        parameters: { 'company.$': '$.company', 'plan.$': '$.plan', 'country.$': '$.country', 'email.$': '$.contact.email' },
        resultPath: '$.account',
        timeout: '5m',
        heartbeat: '1m',
      })
      .task(
        'Save customer',
        dynamodb.putItem({
          table: 'customers',
          item: {
            customerId: { 'S.$': '$.account.Payload.accountId' },
            company: { 'S.$': '$.company' },
            plan: { 'S.$': '$.plan' },
            country: { 'S.$': '$.country' },
            email: { 'S.$': '$.contact.email' },
            riskScore: { 'N.$': 'States.JsonToString($.screening.Payload.riskScore)' },
            customerStatus: { S: 'ACTIVE' },
            createdAt: { 'S.$': '$$.State.EnteredTime' },
          },
          condition: 'attribute_not_exists(customerId)',
        }),
        { resultPath: null },
      )
      .retry({
        errors: ['DynamoDB.ProvisionedThroughputExceededException'],
        interval: '1s',
        maxAttempts: 5,
        backoffRate: 2,
        maxDelay: '10s',
        jitter: 'FULL',
      })
      .catch(
        ['DynamoDB.ConditionalCheckFailedException'],
        (b) => b.fail('Customer exists', { error: 'CustomerAlreadyExists', cause: 'A customer with this account id is already recorded.' }),
        { resultPath: '$.error' },
      )
      .choice('Legacy data?', (c) =>
        c
          .when(c.isPresent('$.legacyAccount'), (legacy) =>
            legacy
              .pass('Plan import', {
                parameters: {
                  'dataset.$': "States.Format('legacy-crm-{}', $.legacyAccount.accountId)",
                  targetTable: 'customer_history',
                  'partitions.$': '$.legacyAccount.partitions',
                },
                resultPath: '$.import',
              })
              .task('Import legacy data', startWorkflow(dataBackfill), {
                inputPath: '$.import',
                resultSelector: { 'executionArn.$': '$.ExecutionArn', 'report.$': '$.Output' },
                resultPath: '$.importResult',
                timeout: '6h',
              })
              .catch(
                ['States.ALL'],
                (failed) =>
                  failed.pass('Import failed', {
                    comment: 'The account works without its history; support re-runs the import.',
                    result: 'FAILED',
                    resultPath: '$.importStatus',
                  }),
                { resultPath: '$.importError' },
              ),
          )
          .otherwise((b) => b),
      )
      .task('Send welcome', sendOnboardingEmail, {
        parameters: {
          'to.$': '$.contact.email',
          template: 'welcome',
          'company.$': '$.company',
          'accountId.$': '$.account.Payload.accountId',
        },
        resultPath: null,
      })
      .choice('Wants tips?', (c) =>
        c
          .when(c.boolean('$.marketingOptIn').equals(true), (drip) =>
            drip.wait('Welcome drip', { seconds: '3d' }).task('Send getting-started tips', sendOnboardingEmail, {
              parameters: {
                'to.$': '$.contact.email',
                template: 'getting-started',
                'company.$': '$.company',
                'accountId.$': '$.account.Payload.accountId',
              },
              resultPath: null,
            }),
          )
          .otherwise((b) => b),
      )
      .pass('Onboarded', {
        parameters: {
          'customerId.$': '$.account.Payload.accountId',
          'company.$': '$.company',
          'plan.$': '$.plan',
          'tenantUrl.$': '$.account.Payload.tenantUrl',
          customerStatus: 'ACTIVE',
        },
      })
      .succeed('Customer onboarded'),
);
