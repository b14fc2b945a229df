/**
 * The DynamoDB tables: the product's own (approvals, the run ledger, chat sessions with TTL on
 * `expiresAt`, live connections) and the ones the catalogue's workflows read and write. Their keys
 * come from the same specs the embedded stack creates them from; on-demand, point-in-time recovery,
 * encrypted with an AWS managed key, kept when the stack is destroyed unless told otherwise.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { approvalsTableSpec } from '../../api/approvals/ensure-approvals-table';
import type { ProductTables } from '../../api/config';
import { runsTableSpec } from '../../api/ledger/run-ledger';
import type { TableSpec } from '../../api/storage/ensure-table';
import { chatSessionsTableSpec } from '../../bot/dialog/chat-session-store';
import { connectionsTableSpec } from '../../api/live/aws/connection-store';
import { tables as workflowTables } from '../../workflows/definitions/tables';
import type { Stage } from '../stage';

/** The attribute DynamoDB deletes expired chat sessions and live connections by. */
export const EXPIRY_ATTRIBUTE = 'expiresAt';

export type DataTablesProps = { stage: Stage; keepData: boolean };

export class DataTables extends Construct {
  readonly approvals: dynamodb.Table;
  readonly runs: dynamodb.Table;
  readonly chatSessions: dynamodb.Table;
  readonly connections: dynamodb.Table;
  /** The workflows' tables by logical name (`orders`), as their `table` placeholders name them. */
  readonly workflowTables: ReadonlyMap<string, dynamodb.Table>;
  private readonly indexesOf = new Map<dynamodb.Table, string[]>();

  constructor(scope: Construct, id: string, { stage, keepData }: DataTablesProps) {
    super(scope, id);
    const table = (constructId: string, spec: TableSpec, expiry?: string) => {
      const created = new dynamodb.Table(this, constructId, {
        tableName: `${stage.prefix}${spec.name}`,
        partitionKey: { name: spec.partitionKey, type: dynamodb.AttributeType.STRING },
        billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        encryption: dynamodb.TableEncryption.AWS_MANAGED,
        timeToLiveAttribute: expiry,
        removalPolicy: keepData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });
      this.indexesOf.set(
        created,
        (spec.indexes ?? []).map((index) => index.name),
      );
      for (const index of spec.indexes ?? []) {
        created.addGlobalSecondaryIndex({
          indexName: index.name,
          partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
          sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        });
      }
      return created;
    };
    this.approvals = table('Approvals', approvalsTableSpec());
    this.runs = table('Runs', runsTableSpec());
    this.chatSessions = table('ChatSessions', chatSessionsTableSpec(), EXPIRY_ATTRIBUTE);
    this.connections = table('LiveConnections', connectionsTableSpec(), EXPIRY_ATTRIBUTE);
    this.workflowTables = new Map(workflowTables.map((spec) => [spec.name, table(`Workflow-${spec.name}`, spec)]));
  }

  /**
   * Allows `grantee` exactly `actions` (`dynamodb:GetItem`, …) on `table` and its named indexes:
   * CDK's own grants add `index/*`, which names indexes that do not exist.
   */
  grant(grantee: iam.IGrantable, table: dynamodb.Table, actions: readonly string[]): void {
    const indexes = (this.indexesOf.get(table) ?? []).map((index) => `${table.tableArn}/index/${index}`);
    iam.Grant.addToPrincipal({ grantee, actions: [...actions], resourceArns: [table.tableArn, ...indexes] });
  }

  /** The environment naming the product's tables, as api/config.ts reads it. */
  environment(): Record<string, string> {
    const names: ProductTables = {
      approvals: this.approvals.tableName,
      runs: this.runs.tableName,
      chatSessions: this.chatSessions.tableName,
      connections: this.connections.tableName,
    };
    return {
      APPROVALS_TABLE: names.approvals,
      RUNS_TABLE: names.runs,
      CHAT_SESSIONS_TABLE: names.chatSessions,
      CONNECTIONS_TABLE: names.connections,
    };
  }
}
