/** What the placeholders of compiled workflows stand for on the embedded stack. */
import { lambdaFunctionArnOf, stateMachineArnOf } from '../../workflows/asl';
import type { Substitutions } from '../../workflows/dsl';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../../workflows/local-defaults';

/** The region and account of the embedded engine's ARNs. */
export type LocalAccount = { region: string; accountId: string };

/** The region and account the embedded engine runs in (`statecraft engine` and `statecraft dev`). */
export const LOCAL_ACCOUNT: LocalAccount = { region: DEFAULT_REGION, accountId: DEFAULT_ACCOUNT_ID };

/** Values for every placeholder: Lambda ARNs named after the function, state machine ARNs, table names. */
export function localSubstitutionValues(substitutions: Substitutions, { region, accountId }: LocalAccount): Record<string, string> {
  return Object.fromEntries(
    Object.entries(substitutions).map(([name, substitution]) => {
      switch (substitution.type) {
        case 'function':
          return [name, lambdaFunctionArnOf({ region, accountId }, substitution.functionName)];
        case 'stateMachine':
          return [name, stateMachineArn(substitution.workflow, { region, accountId })];
        case 'table':
          return [name, substitution.table];
      }
    }),
  );
}

/** The ARN a workflow is deployed under on the embedded engine. */
export function stateMachineArn(workflow: string, { region, accountId }: LocalAccount): string {
  return stateMachineArnOf({ region, accountId }, workflow);
}
