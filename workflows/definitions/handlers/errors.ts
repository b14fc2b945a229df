/**
 * Errors the sample task handlers throw. A Lambda failure surfaces in Step Functions under the
 * error's `name`, so `name` (and `code`) is the ASL error name that Retry and Catch match.
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */

/** Base of every handler error: `name` and `code` are the ASL error name. */
export class TaskError<Code extends string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = code;
    this.code = code;
  }
}

/** A handler got a payload it cannot parse (the JSONata workflow's handlers parse their input). */
export class InvalidInputError extends TaskError<'InvalidInput'> {
  constructor(
    readonly field: string,
    expected: string,
  ) {
    super('InvalidInput', `'${field}' must be ${expected}`);
  }
}

/** An order that cannot be priced: no lines, or a line with a bad quantity or price. */
export class InvalidOrderError extends TaskError<'InvalidOrder'> {
  constructor(
    readonly orderId: string,
    reason: string,
  ) {
    super('InvalidOrder', `order ${orderId} is invalid: ${reason}`);
  }
}

/** A SKU with no stock left to reserve. */
export class OutOfStockError extends TaskError<'OutOfStock'> {
  constructor(
    readonly orderId: string,
    readonly sku: string,
  ) {
    super('OutOfStock', `SKU ${sku} is out of stock (order ${orderId})`);
  }
}

/** The card issuer refused the charge; retrying will not help. */
export class PaymentDeclinedError extends TaskError<'PaymentDeclined'> {
  constructor(
    readonly orderId: string,
    reason: string,
  ) {
    super('PaymentDeclined', `payment for order ${orderId} was declined: ${reason}`);
  }
}

/** The payment gateway is overloaded; the same charge succeeds when retried. */
export class PaymentGatewayBusyError extends TaskError<'PaymentGatewayBusy'> {
  constructor(
    readonly orderId: string,
    readonly attempt: number,
  ) {
    super('PaymentGatewayBusy', `payment gateway busy on attempt ${attempt + 1} for order ${orderId}`);
  }
}

/** A test suite of a build reported failures. */
export class TestsFailedError extends TaskError<'TestsFailed'> {
  constructor(
    readonly suite: string,
    readonly failed: number,
  ) {
    super('TestsFailed', `${suite} tests failed: ${failed} failing`);
  }
}

/** The linter found errors. */
export class LintFailedError extends TaskError<'LintFailed'> {
  constructor(readonly errors: number) {
    super('LintFailed', `lint found ${errors} errors`);
  }
}

/** The security scan found vulnerabilities that block a release. */
export class VulnerabilitiesFoundError extends TaskError<'VulnerabilitiesFound'> {
  constructor(
    readonly critical: number,
    readonly high: number,
  ) {
    super('VulnerabilitiesFound', `security scan found ${critical} critical and ${high} high vulnerabilities`);
  }
}

/** A region's sales metrics for the day have not landed yet; they will on a later attempt. */
export class MetricsNotReadyError extends TaskError<'MetricsNotReady'> {
  constructor(
    readonly region: string,
    readonly reportDate: string,
  ) {
    super('MetricsNotReady', `metrics for ${region} on ${reportDate} are not ready yet`);
  }
}

/** Screening matched a sanctions list: the customer cannot be onboarded. */
export class SanctionedEntityError extends TaskError<'SanctionedEntity'> {
  constructor(
    readonly company: string,
    readonly country: string,
  ) {
    super('SanctionedEntity', `${company} (${country}) matches a sanctions list`);
  }
}

/** A refund the order does not allow (too large, or the order is not refundable). */
export class RefundNotAllowedError extends TaskError<'RefundNotAllowed'> {
  constructor(
    readonly orderId: string,
    reason: string,
  ) {
    super('RefundNotAllowed', `refund for order ${orderId} is not allowed: ${reason}`);
  }
}

/** A backfill request that cannot be planned (no partitions, duplicate keys, negative rows). */
export class InvalidBackfillError extends TaskError<'InvalidBackfill'> {
  constructor(
    readonly dataset: string,
    reason: string,
  ) {
    super('InvalidBackfill', `backfill of ${dataset} is invalid: ${reason}`);
  }
}
