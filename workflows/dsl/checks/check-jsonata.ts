/**
 * `jsonata-syntax`: every `{% … %}` expression of a JSONata-mode state must parse, as AWS parses it when
 * the state machine is created (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html).
 */
import type { Check } from './check';
import { finding } from './finding';
import { jsonataExpressions } from './jsonata-expressions';
import { jsonataParseProblem } from './jsonata-parse-problem';

/** Reports each JSONata expression that does not parse, with jsonata's message and position. */
export const checkJsonata: Check = (machine) =>
  machine.states
    .filter(({ queryLanguage }) => queryLanguage === 'JSONata')
    .flatMap(({ state, path }) =>
      jsonataExpressions(state).flatMap(({ field, expression }) => {
        const problem = jsonataParseProblem(expression);
        return problem === undefined
          ? []
          : [finding('jsonata-syntax', path, `${field}: invalid JSONata expression {%${expression}%}: ${problem}`)];
      }),
    );
