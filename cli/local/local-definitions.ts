/** The catalogue compiled and filled in for the embedded engine: one deployable definition per workflow. */
import { catalogue } from '../../workflows/definitions';
import { applySubstitutions, compileAll, type CompiledWorkflow, type Workflow } from '../../workflows/dsl';
import type { StateMachine } from '../../workflows/asl';
import { localSubstitutionValues, stateMachineArn, type LocalAccount } from './local-substitutions';

export type LocalDefinition = { name: string; arn: string; description: string; definition: StateMachine };

/** Compiles every catalogue workflow (throws DefinitionError on any problem) and substitutes local values. */
export function localDefinitions(account: LocalAccount, workflows: readonly Workflow[] = catalogue): LocalDefinition[] {
  return localDefinitionsOf(compileAll(workflows as readonly Workflow<never, unknown>[]), account);
}

/** Workflows already compiled, with local values substituted. */
export function localDefinitionsOf(compiled: readonly CompiledWorkflow[], account: LocalAccount): LocalDefinition[] {
  return compiled.map((workflow) => ({
    name: workflow.name,
    arn: stateMachineArn(workflow.name, account),
    description: workflow.definition.Comment ?? '',
    definition: applySubstitutions(workflow.name, workflow.definition, localSubstitutionValues(workflow.substitutions, account)),
  }));
}
