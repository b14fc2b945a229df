/**
 * Versions (numbered, immutable snapshots of one revision of a state machine) and aliases (names
 * that route StartExecution to one or two versions by weight), as the store keeps them.
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-alias.html
 */
import type { JsonValue } from '../asl';
import type { StateMachineType } from './execution-store';

/** A published version: `stateMachineArn:N`, never changed once written. */
export type StateMachineVersionRecord = {
  arn: string;
  stateMachineArn: string;
  version: number;
  type: StateMachineType;
  definition: string;
  roleArn: string;
  /** Revision of the state machine the version was published from. */
  revisionId?: string;
  /** When that revision was made (the state machine's update date, or its creation date). */
  revisionDate: number;
  createdAt: number;
  description?: string;
  loggingConfiguration?: JsonValue;
  tracingConfiguration?: JsonValue;
};

/** One route of an alias: a version and the percentage of executions it gets. */
export type RoutingConfigurationItem = { stateMachineVersionArn: string; weight: number };

/** An alias: `stateMachineArn:NAME`, routing to one or two versions whose weights sum to 100. */
export type StateMachineAliasRecord = {
  arn: string;
  stateMachineArn: string;
  name: string;
  description?: string;
  routingConfiguration: RoutingConfigurationItem[];
  createdAt: number;
  updatedAt: number;
};

/** Versions and aliases by ARN; each write may commit at once (they change rarely). */
export type VersionStore = {
  putStateMachineVersion(record: StateMachineVersionRecord): void;
  getStateMachineVersion(arn: string): StateMachineVersionRecord | undefined;
  /** The versions of a state machine, in no particular order. */
  listStateMachineVersions(stateMachineArn: string): StateMachineVersionRecord[];
  deleteStateMachineVersion(arn: string): void;

  putStateMachineAlias(record: StateMachineAliasRecord): void;
  getStateMachineAlias(arn: string): StateMachineAliasRecord | undefined;
  /** The aliases of a state machine, in no particular order. */
  listStateMachineAliases(stateMachineArn: string): StateMachineAliasRecord[];
  deleteStateMachineAlias(arn: string): void;
};
