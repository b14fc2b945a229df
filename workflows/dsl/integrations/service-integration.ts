/** A Task target other than a `fn` handler: an AWS service integration the engine also supports. */
import type { QueryLanguage } from '../../asl';
import type { Substitution } from '../substitution';

export type ServiceIntegration<Result> = {
  readonly kind: 'integration';
  readonly resource: string;
  /** The Parameters (JSONPath) or Arguments (JSONata) the service receives. */
  readonly payload: (language: QueryLanguage) => Record<string, unknown>;
  readonly substitutions: ReadonlyArray<readonly [string, Substitution]>;
  /** The workflows the integration starts (`startWorkflow`), so a test can run them too. */
  readonly workflows?: ReadonlyArray<{ readonly name: string }>;
  /** Phantom: the type of the service's result. */
  readonly result?: Result;
};

/** Whether a value is a service integration. */
export function isServiceIntegration(value: unknown): value is ServiceIntegration<unknown> {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'integration';
}

/** The object without its undefined fields (optional API fields the caller did not set). */
export function compact(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
