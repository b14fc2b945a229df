/**
 * Task handlers of `nightly-report`, a JSONata workflow: their payloads are JSONata `Arguments`,
 * which the DSL cannot type, so each takes `unknown` and reads it with `readInput`. Figures are
 * derived from the region and date; a region marked `late` has no metrics for its first two attempts.
 */
import { fn } from '../../dsl/task-function';
import { checksum } from './checksum';
import { InvalidInputError, MetricsNotReadyError } from './errors';
import { readInput, type InputReader } from './read-input';

/** One region's sales for the report date. */
export type RegionMetrics = { region: string; reportDate: string; orders: number; revenue: number; refunds: number; currency: 'EUR' };

/** Attempts on which a late region's metrics are still missing. */
const LATE_ATTEMPTS = 2;
/** Refunds above this share of a region's revenue are flagged as an anomaly. */
const ANOMALY_REFUND_RATE = 0.08;
/** Revenue below this share of the target makes an alert high severity. */
const HIGH_SEVERITY_BELOW = 0.8;

const cents = (amount: number): number => Math.round(amount * 100) / 100;

function readMetrics(metrics: InputReader): RegionMetrics {
  return {
    region: metrics.string('region'),
    reportDate: metrics.string('reportDate'),
    orders: metrics.number('orders'),
    revenue: metrics.number('revenue'),
    refunds: metrics.number('refunds'),
    currency: 'EUR',
  };
}

/** Fetches one region's sales; `attempt` is the state's retry count, `late` marks a region whose data lands late. */
export const fetchRegionMetrics = fn('report-fetch-region-metrics', (payload: unknown): RegionMetrics => {
  const input = readInput(payload);
  const region = input.string('region');
  const reportDate = input.string('reportDate');
  if (input.boolean('late', false) && input.number('attempt', 0) < LATE_ATTEMPTS) throw new MetricsNotReadyError(region, reportDate);
  const seed = checksum(`${region}/${reportDate}`);
  const orders = 600 + (seed % 900);
  const averageOrder = 40 + (checksum(region) % 45) + (seed % 100) / 100;
  const revenue = cents(orders * averageOrder);
  const refundPercent = 1 + (checksum(`refunds/${region}/${reportDate}`) % 800) / 100;
  return { region, reportDate, orders, revenue, refunds: cents((revenue * refundPercent) / 100), currency: 'EUR' };
});

/** Sums the regions, each region's share of revenue, and regions whose refund rate is anomalous. */
export const aggregateMetrics = fn('report-aggregate', (payload: unknown) => {
  const input = readInput(payload);
  const regions = input.list('regions').map(readMetrics);
  if (regions.length === 0) throw new InvalidInputError('input.regions', 'at least one region');
  const revenue = cents(regions.reduce((sum, region) => sum + region.revenue, 0));
  const refunds = cents(regions.reduce((sum, region) => sum + region.refunds, 0));
  return {
    reportDate: input.string('reportDate'),
    orders: regions.reduce((sum, region) => sum + region.orders, 0),
    revenue,
    refunds,
    netRevenue: cents(revenue - refunds),
    currency: 'EUR',
    byRegion: regions.map((region) => ({
      region: region.region,
      revenue: region.revenue,
      sharePercent: Math.round((region.revenue / revenue) * 1000) / 10,
    })),
    anomalies: regions
      .filter((region) => region.refunds > region.revenue * ANOMALY_REFUND_RATE)
      .map((region) => `${region.region}: refunds at ${Math.round((region.refunds / region.revenue) * 100)}% of revenue`),
  };
});

/** Opens a finance alert for a day below target or with anomalies. */
export const raiseRevenueAlert = fn('report-raise-alert', (payload: unknown) => {
  const input = readInput(payload);
  const revenue = input.number('revenue');
  const target = input.number('revenueTarget');
  const shortfall = cents(Math.max(0, target - revenue));
  return {
    alertId: `ALERT-SALES-${input.string('reportDate')}`,
    severity: revenue < target * HIGH_SEVERITY_BELOW ? 'high' : 'medium',
    shortfall,
    anomalies: input.strings('anomalies').length,
  };
});

/** Renders the report as a PDF and returns where it is stored. */
export const renderReport = fn('report-render', (payload: unknown) => {
  const input = readInput(payload);
  const reportDate = input.string('reportDate');
  const regions = input.record('totals').list('byRegion').length;
  return { url: `https://reports.example.com/sales/daily-${reportDate}.pdf`, pages: 2 + regions, sizeKb: 180 + 40 * regions };
});

/** Emails the report link to the recipients, flagged when an alert was raised. */
export const emailReport = fn('report-send-email', (payload: unknown) => {
  const input = readInput(payload);
  const to = input.strings('to');
  if (to.length === 0) throw new InvalidInputError('input.to', 'at least one recipient');
  const alertId = input.optionalString('alertId');
  const subject = `${alertId === undefined ? '' : '[Attention] '}${input.string('subject')}`;
  return { subject, url: input.string('url'), sent: to.length, messageIds: to.map((_, index) => `MSG-REPORT-${index + 1}`) };
});
