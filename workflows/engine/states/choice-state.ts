/**
 * Choice: the first rule that holds names the next state (JSONPath rules or JSONata
 * `Condition`s); otherwise `Default`; otherwise States.NoChoiceMatched. A matched rule's Assign
 * and Output take the place of the state's own.
 * https://states-language.net/spec.html#choice-state
 */
import type { BooleanExpression, ChoiceRule, ChoiceState, JsonValue } from '../../asl';
import { assignJsonPath, evaluateAssign } from '../assign';
import { evaluateChoiceRule } from '../choice-rule';
import { selectPath } from '../data-flow';
import { StatesError } from '../errors';
import { evaluateJsonata, queryEvaluationError } from '../jsonata/jsonata-expression';
import { jsonataExpressionOf, resolveJsonataTemplate } from '../jsonata/jsonata-template';
import type { AttemptOutcome } from '../with-retry-and-catch';
import { effectiveInput } from '../process-result';
import { jsonataBindings, pathScope, type StateRun } from '../state-run';
import { evaluationStep } from '../evaluation-step';

async function conditionHolds(run: StateRun<ChoiceState>, condition: unknown): Promise<boolean> {
  if (typeof condition === 'boolean') return condition;
  const expression = jsonataExpressionOf(condition);
  if (expression === undefined) {
    throw new StatesError('States.QueryEvaluationError', `The Condition field must be a JSONata expression or a boolean.`, {
      location: 'Condition',
    });
  }
  const value = await evaluateJsonata(expression, jsonataBindings(run), 'Condition');
  if (typeof value !== 'boolean') {
    throw queryEvaluationError(
      expression,
      'Condition',
      `returned an unexpected result type. Expected 'boolean', but was '${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}' for value: ${JSON.stringify(value)}`,
    );
  }
  return value;
}

async function matchingCondition(run: StateRun<ChoiceState>): Promise<ChoiceRule | undefined> {
  for (const rule of run.state.Choices) {
    if (await conditionHolds(run, (rule as { Condition?: unknown }).Condition)) return rule;
  }
  return undefined;
}

function nextOf(run: StateRun<ChoiceState>, rule: ChoiceRule | undefined): string {
  const next = rule ? rule.Next : run.state.Default;
  if (next === undefined) throw new StatesError('States.NoChoiceMatched', 'No Matches!');
  return next;
}

async function evaluateJsonataChoice(run: StateRun<ChoiceState>): Promise<AttemptOutcome> {
  const { state } = run;
  const rule = await matchingCondition(run);
  const next = nextOf(run, rule);
  const template = rule && rule.Output !== undefined ? rule.Output : state.Output;
  const output = template !== undefined ? await resolveJsonataTemplate(template as JsonValue, jsonataBindings(run), 'Output') : run.input;
  const assigned = await evaluateAssign(run, (rule ? rule.Assign : state.Assign) as JsonValue | undefined, run.input);
  return { output, next, assigned };
}

function evaluateChoice(run: StateRun<ChoiceState>): AttemptOutcome | Promise<AttemptOutcome> {
  if (run.language === 'JSONata') return evaluateJsonataChoice(run);
  const { state } = run;
  const input = effectiveInput(run);
  const scope = pathScope(run);
  const rule = state.Choices.find((candidate) => evaluateChoiceRule(candidate as BooleanExpression, input, scope));
  const next = nextOf(run, rule);
  const assigned = assignJsonPath(run, (rule ? rule.Assign : state.Assign) as JsonValue | undefined, input);
  const output = selectPath(state.OutputPath, input, scope, 'OutputPath');
  return { output, next, assigned };
}

/** Runs a Choice state. */
export function runChoiceState(run: StateRun<ChoiceState>): AttemptOutcome | Promise<AttemptOutcome> {
  return evaluationStep(run, () => evaluateChoice(run));
}
