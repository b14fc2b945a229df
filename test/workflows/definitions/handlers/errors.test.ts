import * as errors from '../../../../workflows/definitions/handlers/errors';

describe('handler errors', () => {
  it.each([
    [new errors.InvalidInputError('input.region', 'a string'), 'InvalidInput'],
    [new errors.InvalidOrderError('ORD-1', 'it has no lines'), 'InvalidOrder'],
    [new errors.OutOfStockError('ORD-1', 'OOS-LAMP'), 'OutOfStock'],
    [new errors.PaymentDeclinedError('ORD-1', 'card expired'), 'PaymentDeclined'],
    [new errors.PaymentGatewayBusyError('ORD-1', 0), 'PaymentGatewayBusy'],
    [new errors.TestsFailedError('unit', 3), 'TestsFailed'],
    [new errors.LintFailedError(7), 'LintFailed'],
    [new errors.VulnerabilitiesFoundError(1, 2), 'VulnerabilitiesFound'],
    [new errors.MetricsNotReadyError('eu-central-1', '2025-06-30'), 'MetricsNotReady'],
    [new errors.SanctionedEntityError('Acme', 'KP'), 'SanctionedEntity'],
    [new errors.RefundNotAllowedError('ORD-1', 'too much'), 'RefundNotAllowed'],
    [new errors.InvalidBackfillError('orders', 'no partitions given'), 'InvalidBackfill'],
  ])('names %p %s, the error Retry and Catch match', (error, name) => {
    const { name: actual, code } = error;

    expect(error).toBeInstanceOf(Error);
    expect(actual).toBe(name);
    expect(code).toBe(name);
  });

  it('passes the cause on', () => {
    const cause = new Error('socket hang up');

    const error = new errors.TaskError('Upstream', 'upstream failed', { cause });

    expect(error.cause).toBe(cause);
  });
});
