/** The catalogue compiled and filled in for the embedded engine: one deployable definition per workflow. */
import { catalogue } from '../../workflows/definitions';
import { applySubstitutions, compileAll, type Workflow } from '../../workflows/dsl';
import type { StateMachine } from '../../workflows/asl';
import { localSubstitutionValues, stateMachineArn, type LocalAccount } from './local-substitutions';

export type LocalDefinition = { name: string; arn: string; description: string; definition: StateMachine };

/** Compiles every catalogue workflow (throws DefinitionError on any problem) and substitutes local values. */
export function localDefinitions(account: LocalAccount, workflows: readonly Workflow[] = catalogue): LocalDefinition[] {
  return compileAll(workflows as readonly Workflow<never, unknown>[]).map((compiled) => ({
    name: compiled.name,
    arn: stateMachineArn(compiled.name, account),
    description: compiled.definition.Comment ?? '',
    definition: applySubstitutions(compiled.name, compiled.definition, localSubstitutionValues(compiled.substitutions, account)),
  }));
}
