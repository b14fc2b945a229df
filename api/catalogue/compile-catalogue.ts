/** Compiling workflows into catalogue entries: in-process locally, at bundle time for a deploy. */
import { approvalStepsOf, compile, type Workflow } from '../../workflows/dsl';
import { resolveAccess } from '../access/access-rule';
import { catalogueOf, type CatalogueAccount, type CompiledEntry, type WorkflowCatalogue } from './workflow-catalogue';

/** Compiles `workflows` (throws DefinitionError on a broken one) for a region and account. */
export function createWorkflowCatalogue(workflows: readonly Workflow[], account: CatalogueAccount): WorkflowCatalogue {
  return catalogueOf(compileEntries(workflows), account);
}

/** Compiles each workflow into what the API serves about it. */
export function compileEntries(workflows: readonly Workflow[]): CompiledEntry[] {
  return workflows.map((workflow) => {
    const compiled = compile(workflow);
    const approvalSteps = approvalStepsOf(compiled.definition);
    return {
      name: workflow.name,
      description: workflow.options.description,
      example: workflow.options.example,
      definition: compiled.definition,
      graph: compiled.graph,
      access: resolveAccess(workflow.name, workflow.options.access, approvalSteps),
      approvalSteps,
      ...(workflow.location === undefined ? {} : { location: workflow.location }),
    };
  });
}
