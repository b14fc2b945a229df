/** `nightly-report` (JSONata): collect each region's sales, aggregate, alert when below target, render and email. */
import { workflow } from '../dsl';
import { aggregateMetrics, emailReport, fetchRegionMetrics, raiseRevenueAlert, renderReport } from './handlers/nightly-report';

/**
 * One night's sales report. `lateRegions` lists regions whose metrics land late (their fetch
 * is retried); a `revenueTarget` above the day's revenue raises an alert to finance.
 */
export type NightlyReportInput = {
  /** The sales day, `YYYY-MM-DD`. */
  reportDate: string;
  regions: string[];
  recipients: string[];
  /** EUR, across all regions. */
  revenueTarget: number;
  lateRegions: string[];
};

/** Yesterday's report for the three sales regions. */
export const nightlyReportExample: NightlyReportInput = {
  reportDate: '2025-06-30',
  regions: ['eu-central-1', 'us-east-1', 'ap-southeast-2'],
  recipients: ['finance@example.com', 'sales-leads@example.com'],
  revenueTarget: 150_000,
  lateRegions: [],
};

/** Builds and emails the daily sales report; written in JSONata, with workflow variables instead of ResultPath. */
export const nightlyReport = workflow(
  'nightly-report',
  {
    description:
      "Collects each region's sales for the day, two regions at a time, and aggregates them. Alerts finance when revenue misses the target or refunds look anomalous, then renders the report and emails it.",
    example: nightlyReportExample,
    aliases: ['nightly reports', 'daily report', 'sales report', 'daily sales report'],
    timeout: '4h',
    queryLanguage: 'JSONata',
  },
  (start) =>
    start
      .pass('Plan report', {
        assign: {
          reportDate: '{% $states.input.reportDate %}',
          recipients: '{% $states.input.recipients %}',
          revenueTarget: '{% $states.input.revenueTarget %}',
          lateRegions: '{% $states.input.lateRegions %}',
          alertId: null,
        },
      })
      .map(
        'Collect regions',
        {
          items: '{% $states.input.regions %}',
          itemSelector: { region: '{% $states.context.Map.Item.Value %}', reportDate: '{% $reportDate %}' },
          maxConcurrency: 2,
        },
        (region) =>
          region
            .task('Fetch region metrics', fetchRegionMetrics, {
              arguments:
                '{% $merge([$states.input, {"late": $states.input.region in $lateRegions, "attempt": $states.context.State.RetryCount}]) %}',
              timeout: '5m',
            })
            .retry({ errors: ['MetricsNotReady'], interval: '1m', maxAttempts: 4, backoffRate: 2, maxDelay: '5m', jitter: 'FULL' }),
      )
      .catch(['States.ALL'], (b) =>
        b.fail('Collection failed', {
          error: 'MetricsUnavailable',
          cause: '{% "Region metrics could not be collected: " & $states.input.Cause %}',
        }),
      )
      .task('Aggregate', aggregateMetrics, {
        arguments: { reportDate: '{% $reportDate %}', regions: '{% $states.input %}' },
        assign: { revenue: '{% $states.result.Payload.revenue %}' },
        timeout: '2m',
      })
      .choice('Needs attention?', (c) =>
        c
          .when(c.jsonata('{% $states.input.revenue < $revenueTarget or $count($states.input.anomalies) > 0 %}'), (attention) =>
            attention.task('Alert finance', raiseRevenueAlert, {
              arguments: {
                reportDate: '{% $reportDate %}',
                revenue: '{% $states.input.revenue %}',
                revenueTarget: '{% $revenueTarget %}',
                anomalies: '{% $states.input.anomalies %}',
              },
              assign: { alertId: '{% $states.result.Payload.alertId %}' },
              output: '{% $states.input %}',
            }),
          )
          .otherwise((b) => b),
      )
      .task('Render report', renderReport, {
        arguments: { reportDate: '{% $reportDate %}', totals: '{% $states.input %}' },
        assign: { reportUrl: '{% $states.result.Payload.url %}' },
        timeout: '10m',
        heartbeat: '1m',
      })
      .task('Email report', emailReport, {
        arguments: {
          to: '{% $recipients %}',
          subject: '{% "Daily sales " & $reportDate %}',
          url: '{% $reportUrl %}',
          alertId: '{% $alertId %}',
        },
        timeout: '1m',
      })
      .succeed('Report sent', {
        output: {
          reportDate: '{% $reportDate %}',
          revenue: '{% $revenue %}',
          url: '{% $reportUrl %}',
          alertId: '{% $alertId %}',
          sent: '{% $states.input.sent %}',
        },
      }),
);
