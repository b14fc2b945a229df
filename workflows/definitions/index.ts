/** The catalogue: the sample workflows, and every task function they call (the local engine registers these by name). */
import type { AnyTaskFunction, Workflow } from '../dsl';
import { dataBackfill } from './data-backfill';
import { deployService } from './deploy-service';
import { checkCopyJob, planPartitions, startCopyJob, summarizeBackfill } from './handlers/data-backfill';
import {
  buildImage,
  checkCanaryHealth,
  promoteRelease,
  releaseImage,
  rollBackRelease,
  runIntegrationTests,
  runLint,
  runSecurityScan,
  runUnitTests,
} from './handlers/deploy-service';
import { aggregateMetrics, emailReport, fetchRegionMetrics, raiseRevenueAlert, renderReport } from './handlers/nightly-report';
import { closeApplication, createAccount, screenCustomer, sendOnboardingEmail } from './handlers/onboard-customer';
import { chargePayment, createShipment, priceOrder, releaseStock, reserveStock, sendOrderConfirmation } from './handlers/order-fulfillment';
import { checkRefundEligibility, issueRefund, notifyRefundOutcome } from './handlers/refund-request';
import { nightlyReport } from './nightly-report';
import { onboardCustomer } from './onboard-customer';
import { orderFulfillment } from './order-fulfillment';
import { refundRequest } from './refund-request';

export { dataBackfill, dataBackfillExample } from './data-backfill';
export type { DataBackfillInput } from './data-backfill';
export { deployService, deployServiceExample } from './deploy-service';
export type { DeployServiceInput } from './deploy-service';
export { nightlyReport, nightlyReportExample } from './nightly-report';
export type { NightlyReportInput } from './nightly-report';
export { onboardCustomer, onboardCustomerExample } from './onboard-customer';
export type { OnboardCustomerInput } from './onboard-customer';
export { orderFulfillment, orderFulfillmentExample } from './order-fulfillment';
export type { OrderFulfillmentInput } from './order-fulfillment';
export { REFUND_APPROVAL_THRESHOLD, refundRequest, refundRequestExample } from './refund-request';
export type { RefundRequestInput } from './refund-request';

/**
 * The sample workflows, in the order the console lists them. Typed as plain `Workflow`s: each
 * has its own input type, and the named exports keep it.
 */
export const catalogue: readonly Workflow[] = [
  orderFulfillment,
  deployService,
  nightlyReport,
  onboardCustomer,
  refundRequest,
  dataBackfill,
] as const;

/** The catalogue workflow with this name, if any. */
export function findWorkflow(name: string): Workflow | undefined {
  return catalogue.find((candidate) => candidate.name === name);
}

/** Every task function the catalogue calls, by workflow; names are unique, and each is deployed as one Lambda function. */
export const taskFunctions: readonly AnyTaskFunction[] = [
  priceOrder,
  reserveStock,
  releaseStock,
  chargePayment,
  createShipment,
  sendOrderConfirmation,
  runUnitTests,
  runLint,
  runSecurityScan,
  buildImage,
  releaseImage,
  runIntegrationTests,
  checkCanaryHealth,
  promoteRelease,
  rollBackRelease,
  fetchRegionMetrics,
  aggregateMetrics,
  raiseRevenueAlert,
  renderReport,
  emailReport,
  screenCustomer,
  createAccount,
  closeApplication,
  sendOnboardingEmail,
  checkRefundEligibility,
  issueRefund,
  notifyRefundOutcome,
  planPartitions,
  startCopyJob,
  checkCopyJob,
  summarizeBackfill,
];
