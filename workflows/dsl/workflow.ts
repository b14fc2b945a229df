/** `workflow(name, options, build)`: a named, typed workflow, compiled on demand. */
import type { QueryLanguage } from '../asl';
import type { Duration } from './duration';
import { DefinitionError } from './errors';
import { callerLocation } from './source-location';
import type { Ended, Steps } from './steps';
import type { WorkflowAccess } from './workflow-access';

export type WorkflowOptions<Input> = {
  /** One or two sentences: what the workflow does, shown in the catalogue and the console. */
  description: string;
  /** A realistic input, used by `statecraft run` and the console's start form. */
  example: Input;
  /** Fails the whole execution with States.Timeout after this long (state machine TimeoutSeconds). */
  timeout?: Duration;
  /** JSONPath (default) or JSONata, for every state unless a state overrides it. */
  queryLanguage?: QueryLanguage;
  /** Who may read runs and who may start and stop them (default: the global roles). */
  access?: WorkflowAccess;
  /**
   * `STANDARD` (the default): durable, up to a year, approvals and child runs. `EXPRESS`: at most five
   * minutes, priced per request instead of per transition, for short high-volume work (no approvals).
   */
  type?: WorkflowType;
  /** Other names people call it by ("customer onboarding"), so the chatbot understands them; the name with spaces for hyphens needs no alias. */
  aliases?: readonly string[];
};

/** The Step Functions state machine type a workflow deploys as. */
export type WorkflowType = 'STANDARD' | 'EXPRESS';

/** Builds the states, starting from a chain whose data is the workflow's input. */
export type WorkflowBuilder<Input, Output> = (start: Steps<Input>) => Steps<Output, unknown> | Ended;

/** A workflow definition: compile it with `compile()`. */
export type Workflow<Input = unknown, Output = unknown> = {
  readonly name: string;
  readonly options: WorkflowOptions<Input>;
  readonly build: WorkflowBuilder<Input, Output>;
  /** `file:line` where the workflow was declared. */
  readonly location?: string;
  /** Phantom types, for `startWorkflow()` and tests. */
  readonly types?: { input: Input; output: Output };
};

/** AWS's rule for state machine names, kept kebab-case for ours. */
const WORKFLOW_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Declares a workflow: its name (kebab-case, as deployed), options and states. */
export function workflow<Input, Output = unknown>(
  name: string,
  options: WorkflowOptions<Input>,
  build: WorkflowBuilder<Input, Output>,
): Workflow<Input, Output> {
  const location = callerLocation();
  if (!WORKFLOW_NAME.test(name) || name.length > 80) {
    throw new DefinitionError([
      {
        severity: 'error',
        code: 'invalid-workflow-name',
        workflow: name,
        statePath: [],
        location,
        message: "workflow names are kebab-case, 1 to 80 characters, e.g. 'order-fulfillment'",
      },
    ]);
  }
  return { name, options, build, location };
}
