/** nightly-report's behaviour (JSONata): region collection with late data, aggregation, the finance alert, render and email. */
import { nightlyReport, nightlyReportExample, type NightlyReportInput } from '../../../../workflows/definitions';
import {
  aggregateMetrics,
  emailReport,
  fetchRegionMetrics,
  raiseRevenueAlert,
  renderReport,
} from '../../../../workflows/definitions/handlers/nightly-report';
import type { TaskFunction } from '../../../../workflows/dsl';
import { testWorkflow, workflowCoverage, workflowMatchers, type TaskMock } from '../../../../workflows/testing';

expect.extend(workflowMatchers);

/** The example's figures (derived from region and date by the handlers): EUR 163,166.61, no refund anomalies. */
const EXAMPLE_REVENUE = 163_166.61;
const REPORT_URL = 'https://reports.example.com/sales/daily-2025-06-30.pdf';

const reportWith = (changes: Partial<NightlyReportInput>): NightlyReportInput => ({ ...nightlyReportExample, ...changes });

/** A transient Lambda service error on the first attempt, then the real handler's answer. */
function transientThen<In, Out>(task: TaskFunction<In, Out>): TaskMock<Out> {
  return { sequence: [{ error: 'Lambda.ServiceException', cause: 'Rate exceeded' }, { result: (input) => task.handler(input as In, {}) }] };
}

/** An aggregate as the Aggregate step returns it, with the revenue and anomalies a Choice test needs. */
const aggregate = (revenue: number, anomalies: string[]) => ({
  reportDate: '2025-06-30',
  orders: 1000,
  revenue,
  refunds: 0,
  netRevenue: revenue,
  currency: 'EUR',
  byRegion: [{ region: 'eu-central-1', revenue, sharePercent: 100 }],
  anomalies,
});

describe('nightly-report', () => {
  it('collects the three regions, aggregates, renders and emails the report without an alert when the target is met', async () => {
    const run = await testWorkflow(nightlyReport, { input: nightlyReportExample });

    expect(run).toSucceed();
    expect(run.path.filter((name) => name === 'Fetch region metrics')).toHaveLength(3);
    expect(run.path.filter((name) => name !== 'Fetch region metrics')).toEqual([
      'Plan report',
      'Collect regions',
      'Aggregate',
      'Needs attention?',
      'Render report',
      'Email report',
      'Report sent',
    ]);
    expect(run.output).toEqual({ reportDate: '2025-06-30', revenue: EXAMPLE_REVENUE, url: REPORT_URL, alertId: null, sent: 2 });
    expect(run.states['Aggregate'].output).toMatchObject({
      revenue: EXAMPLE_REVENUE,
      anomalies: [],
      byRegion: [{ region: 'eu-central-1' }, { region: 'us-east-1' }, { region: 'ap-southeast-2' }],
    });
    expect(run.states['Email report'].output).toMatchObject({ subject: 'Daily sales 2025-06-30', url: REPORT_URL, sent: 2 });
  });

  it('alerts finance and flags the email when revenue misses the target', async () => {
    const run = await testWorkflow(nightlyReport, { input: reportWith({ revenueTarget: 200_000 }) });

    expect(run).toSucceed();
    expect(run).toHavePassedThrough('Needs attention?', 'Alert finance', 'Render report', 'Email report');
    expect(run.output).toMatchObject({ alertId: 'ALERT-SALES-2025-06-30', revenue: EXAMPLE_REVENUE });
    expect(run.states['Email report'].output).toMatchObject({ subject: '[Attention] Daily sales 2025-06-30' });
    // Alert finance passes its input on: the report still renders the aggregate.
    expect(run.states['Render report'].input).toMatchObject({ revenue: EXAMPLE_REVENUE });
  });

  it('alerts finance about anomalous refunds even when the target is met', async () => {
    const run = await testWorkflow(nightlyReport, { input: reportWith({ reportDate: '2025-07-04' }) });

    expect(run).toSucceed();
    expect(run.states['Aggregate'].output).toMatchObject({ anomalies: ['eu-central-1: refunds at 8% of revenue'] });
    expect(run.path).toContain('Alert finance');
    expect(run.output).toMatchObject({ alertId: 'ALERT-SALES-2025-07-04' });
  });

  it.each([
    { revenue: 149_999.99, anomalies: [], next: 'Alert finance' },
    { revenue: 150_000, anomalies: [], next: 'Render report' },
    { revenue: 150_000, anomalies: ['us-east-1: refunds at 9% of revenue'], next: 'Alert finance' },
  ])('with revenue $revenue against a 150000 target and anomalies $anomalies, goes to $next', async ({ revenue, anomalies, next }) => {
    const run = await testWorkflow(nightlyReport, {
      input: nightlyReportExample,
      mocks: { Aggregate: { result: aggregate(revenue, anomalies) } },
    });

    expect(run).toSucceed();
    expect(run.path[run.path.indexOf('Needs attention?') + 1]).toBe(next);
    expect(run.output).toMatchObject({ revenue, alertId: next === 'Alert finance' ? 'ALERT-SALES-2025-06-30' : null });
  });

  it('raises a high-severity alert for revenue below 80% of the target', async () => {
    const run = await testWorkflow(nightlyReport, { input: reportWith({ revenueTarget: 250_000 }) });

    const alert = run.history.find(
      (event) =>
        event.type === 'TaskSucceeded' && String((event.taskSucceededEventDetails as { output: string }).output).includes('ALERT-SALES'),
    );
    expect(JSON.parse((alert?.taskSucceededEventDetails as { output: string }).output)).toMatchObject({
      Payload: { severity: 'high', shortfall: 86_833.39 },
    });
  });

  it('retries a region whose metrics land late and reports it on the third attempt (the real handler)', async () => {
    const run = await testWorkflow(nightlyReport, { input: reportWith({ regions: ['us-east-1'], lateRegions: ['us-east-1'] }) });

    expect(run).toSucceed();
    expect(run.states['Fetch region metrics']).toMatchObject({ attempts: 3, visits: 1 });
    expect(run.states['Fetch region metrics'].output).toMatchObject({ region: 'us-east-1', reportDate: '2025-06-30' });
  });

  it('retries MetricsNotReady with a sequence that fails once then answers', async () => {
    const metrics = { region: 'eu-central-1', reportDate: '2025-06-30', orders: 10, revenue: 200_000, refunds: 10, currency: 'EUR' };

    const run = await testWorkflow(nightlyReport, {
      input: reportWith({ regions: ['eu-central-1'] }),
      mocks: { 'Fetch region metrics': { sequence: [{ error: 'MetricsNotReady', cause: 'not yet' }, { result: metrics }] } },
    });

    expect(run).toSucceed();
    expect(run.states['Fetch region metrics']).toMatchObject({ attempts: 2, output: metrics });
    expect(run.output).toMatchObject({ revenue: 200_000, alertId: null });
  });

  it('fails with MetricsUnavailable when a region is still not ready after four retries', async () => {
    const run = await testWorkflow(nightlyReport, {
      input: reportWith({ regions: ['us-east-1'] }),
      mocks: { 'Fetch region metrics': { error: 'MetricsNotReady', cause: 'us-east-1 never landed' } },
    });

    expect(run).toFailWith('MetricsUnavailable', 'Region metrics could not be collected: ');
    expect(run.cause).toContain('us-east-1 never landed');
    expect(run.states['Fetch region metrics']).toMatchObject({ attempts: 5, error: 'MetricsNotReady' });
    expect(run.states['Collect regions'].error).toBe('MetricsNotReady');
    expect(run.states['Collection failed'].input).toMatchObject({ Error: 'MetricsNotReady' });
    expect(run.path.slice(-1)).toEqual(['Collection failed']);
    expect(run.path).not.toContain('Aggregate');
  });

  it('fails with MetricsUnavailable, without retrying, when a region cannot be read at all', async () => {
    const run = await testWorkflow(nightlyReport, { input: reportWith({ regions: ['eu-central-1', 42 as unknown as string] }) });

    expect(run).toFailWith('MetricsUnavailable', "'input.region' must be a string");
    expect(run).toHavePassedThrough('Collect regions', 'Collection failed');
    expect(run.path).not.toContain('Aggregate');
  });

  it('fails with InvalidInput at Aggregate when no regions are given (nothing catches it)', async () => {
    const run = await testWorkflow(nightlyReport, { input: reportWith({ regions: [] }) });

    expect(run).toFailWith('InvalidInput', 'at least one region');
    expect(run.path).toEqual(['Plan report', 'Collect regions', 'Aggregate']);
  });

  it('fails with InvalidInput at Email report when there are no recipients', async () => {
    const run = await testWorkflow(nightlyReport, { input: reportWith({ recipients: [] }) });

    expect(run).toFailWith('InvalidInput', 'at least one recipient');
    expect(run.path.at(-1)).toBe('Email report');
  });

  it.each([
    ['Aggregate', aggregateMetrics, nightlyReportExample],
    ['Alert finance', raiseRevenueAlert, reportWith({ revenueTarget: 200_000 })],
    ['Render report', renderReport, nightlyReportExample],
    ['Email report', emailReport, nightlyReportExample],
    ['Fetch region metrics', fetchRegionMetrics, reportWith({ regions: ['eu-central-1'] })],
  ] as const)('retries %s after a transient Lambda service error and carries on', async (state, task, input) => {
    const run = await testWorkflow(nightlyReport, { input, mocks: { [state]: transientThen(task as TaskFunction<never, unknown>) } });

    expect(run).toSucceed();
    expect(run.states[state]).toMatchObject({ attempts: 2, visits: 1 });
  });

  it('covers every state, Choice branch, Catch and Retry arm the kit can reach', () => {
    const coverage = workflowCoverage().find((each) => each.workflow === 'nightly-report');

    const uncovered = (coverage?.items ?? []).filter((item) => !coverage?.covered.includes(item.key)).map((item) => item.label);
    expect(coverage?.items.length).toBeGreaterThan(0);
    expect(uncovered).toEqual([]);
  });
});
