/**
 * `invalid-path`: the paths of JSONPath-mode states (InputPath, OutputPath, ResultPath, …Path fields, Choice
 * Variables and `.$` payload template values), checked with asl-path-validator before AWS rejects them.
 */
import type { Check } from './check';
import { finding } from './finding';
import { pathFields } from './path-fields';
import { validatePathField } from './validate-path-field';

/** Reports each path field of a JSONPath state whose value is not a valid path of its kind. */
export const checkPaths: Check = (machine) =>
  machine.states
    .filter(({ queryLanguage }) => queryLanguage === 'JSONPath')
    .flatMap(({ state, path }) =>
      pathFields(state).flatMap((field) => {
        const problem = validatePathField(field);
        return problem === undefined ? [] : [finding('invalid-path', path, problem)];
      }),
    );
