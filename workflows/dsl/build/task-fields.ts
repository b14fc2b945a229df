/** ASL fields of a Task state for each kind of target: a `fn` handler, a service integration, a raw ARN. */
import type { QueryLanguage } from '../../asl';
import { isServiceIntegration, type ServiceIntegration } from '../integrations/service-integration';
import { placeholderRef } from '../substitution';
import { isTaskFunction, type AnyTaskFunction } from '../task-function';
import type { BuildContext } from './build-context';
import type { DraftFields } from './state-draft';

export const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';

/** Transient Lambda service errors worth retrying, as the Step Functions console adds by default. */
export const LAMBDA_SERVICE_ERRORS = [
  'Lambda.ClientExecutionTimeoutException',
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];

export type TaskTargetOptions = {
  parameters?: unknown;
  arguments?: unknown;
  resultPath?: string | null;
  resultSelector?: unknown;
  outputPath?: string | null;
  output?: unknown;
};

/** Resource, Parameters/Arguments and result shaping for a task's target. */
export function taskTargetFields(
  target: AnyTaskFunction | ServiceIntegration<unknown> | string,
  options: TaskTargetOptions,
  language: QueryLanguage,
  context: BuildContext,
): DraftFields {
  if (isTaskFunction(target)) {
    context.useFunction(target);
    return lambdaInvokeFields(target, options, language);
  }
  if (isServiceIntegration(target)) {
    for (const [name, substitution] of target.substitutions) context.substitute(name, substitution);
    for (const child of target.workflows ?? []) context.children.set(child.name, child);
    const payload = {
      ...target.payload(language),
      ...((language === 'JSONata' ? options.arguments : options.parameters) as object | undefined),
    };
    return language === 'JSONata' ? { Resource: target.resource, Arguments: payload } : { Resource: target.resource, Parameters: payload };
  }
  return { Resource: target, Parameters: options.parameters, Arguments: options.arguments };
}

/**
 * lambda:invoke wraps the handler's return value in `Payload`. Unless told otherwise we unwrap it:
 * `OutputPath: $.Payload` when the result replaces the input, `ResultSelector` when it is merged.
 */
function lambdaInvokeFields(target: AnyTaskFunction, options: TaskTargetOptions, language: QueryLanguage): DraftFields {
  const functionName = placeholderRef(target.placeholder);
  if (language === 'JSONata') {
    return {
      Resource: LAMBDA_INVOKE,
      Arguments: { FunctionName: functionName, Payload: options.arguments ?? '{% $states.input %}' },
      Output: options.output ?? '{% $states.result.Payload %}',
    };
  }
  const payload = options.parameters === undefined ? { 'Payload.$': '$' } : { Payload: options.parameters };
  const fields: DraftFields = { Resource: LAMBDA_INVOKE, Parameters: { FunctionName: functionName, ...payload } };
  const replacesInput = options.resultPath === undefined || options.resultPath === '$';
  if (options.resultSelector !== undefined) return fields;
  if (replacesInput) {
    const outputPath = options.outputPath;
    fields.OutputPath =
      outputPath === undefined || outputPath === '$' ? '$.Payload' : outputPath === null ? null : `$.Payload${outputPath.slice(1)}`;
  } else {
    fields.ResultSelector = { 'Payload.$': '$.Payload' };
  }
  return fields;
}
