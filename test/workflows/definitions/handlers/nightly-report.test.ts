import { InvalidInputError, MetricsNotReadyError } from '../../../../workflows/definitions/handlers/errors';
import {
  aggregateMetrics,
  emailReport,
  fetchRegionMetrics,
  raiseRevenueAlert,
  renderReport,
  type RegionMetrics,
} from '../../../../workflows/definitions/handlers/nightly-report';
import type { TaskFunction } from '../../../../workflows/dsl';

/** Calls a handler as the engine does: a thrown error becomes a rejection. */
const invoke = async <In, Out>(task: TaskFunction<In, Out>, input: In): Promise<Out> => task.handler(input, {});

const metrics = (region: string, revenue: number, refunds: number): RegionMetrics => ({
  region,
  reportDate: '2025-06-30',
  orders: 1000,
  revenue,
  refunds,
  currency: 'EUR',
});

describe('report-fetch-region-metrics', () => {
  it('derives the same plausible figures for the same region and date', async () => {
    const first = await invoke(fetchRegionMetrics, { region: 'eu-central-1', reportDate: '2025-06-30' });
    const again = await invoke(fetchRegionMetrics, { region: 'eu-central-1', reportDate: '2025-06-30' });

    expect(again).toStrictEqual(first);
    expect(first).toMatchObject({ region: 'eu-central-1', reportDate: '2025-06-30', currency: 'EUR' });
    expect(first.orders).toBeGreaterThanOrEqual(600);
    expect(first.refunds).toBeLessThan(first.revenue * 0.09);
  });

  it('gives another date other figures', async () => {
    const monday = await invoke(fetchRegionMetrics, { region: 'us-east-1', reportDate: '2025-06-30' });
    const tuesday = await invoke(fetchRegionMetrics, { region: 'us-east-1', reportDate: '2025-07-01' });

    expect(tuesday.revenue).not.toBe(monday.revenue);
  });

  it.each([0, 1])('fails a late region with MetricsNotReady on retry count %i', async (attempt) => {
    const result = invoke(fetchRegionMetrics, { region: 'ap-southeast-2', reportDate: '2025-06-30', late: true, attempt });

    await expect(result).rejects.toBeInstanceOf(MetricsNotReadyError);
    await expect(result).rejects.toMatchObject({ name: 'MetricsNotReady', region: 'ap-southeast-2' });
  });

  it('returns a late region on the third attempt', async () => {
    const result = await invoke(fetchRegionMetrics, { region: 'ap-southeast-2', reportDate: '2025-06-30', late: true, attempt: 2 });

    expect(result.region).toBe('ap-southeast-2');
  });

  it.each([
    ['not an object', 'eu-central-1', 'input'],
    ['without a region', { reportDate: '2025-06-30' }, 'input.region'],
    ['with a text retry count', { region: 'eu-central-1', reportDate: '2025-06-30', late: true, attempt: 'one' }, 'input.attempt'],
  ])('rejects a payload %s as InvalidInput', async (_case, payload, field) => {
    const result = invoke(fetchRegionMetrics, payload);

    await expect(result).rejects.toBeInstanceOf(InvalidInputError);
    await expect(result).rejects.toMatchObject({ name: 'InvalidInput', field });
  });
});

describe('report-aggregate', () => {
  it('sums the regions, their shares and the anomalous refund rates', async () => {
    const regions = [metrics('eu-central-1', 60_000, 1_200), metrics('us-east-1', 40_000, 4_000)];

    const totals = await invoke(aggregateMetrics, { reportDate: '2025-06-30', regions });

    expect(totals).toStrictEqual({
      reportDate: '2025-06-30',
      orders: 2000,
      revenue: 100_000,
      refunds: 5_200,
      netRevenue: 94_800,
      currency: 'EUR',
      byRegion: [
        { region: 'eu-central-1', revenue: 60_000, sharePercent: 60 },
        { region: 'us-east-1', revenue: 40_000, sharePercent: 40 },
      ],
      anomalies: ['us-east-1: refunds at 10% of revenue'],
    });
  });

  it('rejects a day without regions as InvalidInput', async () => {
    const result = invoke(aggregateMetrics, { reportDate: '2025-06-30', regions: [] });

    await expect(result).rejects.toMatchObject({ name: 'InvalidInput', field: 'input.regions' });
  });
});

describe('report-raise-alert', () => {
  it.each([
    [100_000, 150_000, 'high', 50_000],
    [140_000, 150_000, 'medium', 10_000],
    [160_000, 150_000, 'medium', 0],
  ])('rates revenue %d against target %d as %s', async (revenue, revenueTarget, severity, shortfall) => {
    const alert = await invoke(raiseRevenueAlert, { reportDate: '2025-06-30', revenue, revenueTarget, anomalies: [] });

    expect(alert).toStrictEqual({ alertId: 'ALERT-SALES-2025-06-30', severity, shortfall, anomalies: 0 });
  });
});

describe('report-render', () => {
  it('stores a PDF with a page per region', async () => {
    const rendered = await invoke(renderReport, { reportDate: '2025-06-30', totals: { byRegion: [{}, {}, {}] } });

    expect(rendered).toStrictEqual({ url: 'https://reports.example.com/sales/daily-2025-06-30.pdf', pages: 5, sizeKb: 300 });
  });
});

describe('report-send-email', () => {
  const email = { to: ['finance@example.com', 'sales@example.com'], subject: 'Daily sales 2025-06-30', url: 'https://r/x.pdf' };

  it('sends one message per recipient', async () => {
    const sent = await invoke(emailReport, { ...email, alertId: null });

    expect(sent).toStrictEqual({
      subject: 'Daily sales 2025-06-30',
      url: 'https://r/x.pdf',
      sent: 2,
      messageIds: ['MSG-REPORT-1', 'MSG-REPORT-2'],
    });
  });

  it('flags the subject when an alert was raised', async () => {
    const sent = await invoke(emailReport, { ...email, alertId: 'ALERT-SALES-2025-06-30' });

    expect(sent.subject).toBe('[Attention] Daily sales 2025-06-30');
  });

  it('rejects an empty recipient list as InvalidInput', async () => {
    const result = invoke(emailReport, { ...email, to: [] });

    await expect(result).rejects.toMatchObject({ name: 'InvalidInput', field: 'input.to' });
  });
});
