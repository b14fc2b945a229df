/**
 * Walks a raw definition: every scope (the machine, each Parallel branch, each Map processor) and every
 * state with its path, in document order. Tolerates malformed input: whatever is not an object is skipped.
 */
import type { QueryLanguage } from '../../asl';
import { isJsonataState } from './is-jsonata-state';
import { isRecord, type JsonRecord } from './is-record';

/** A set of states with its own StartAt; transitions may not leave it. */
export type Scope = {
  kind: 'machine' | 'branch' | 'processor';
  /** Path of the Parallel or Map state that owns the scope; empty for the machine. */
  ownerPath: readonly string[];
  /** How messages name the scope, e.g. `branch 2 of "Fan out"`. */
  label: string;
  /** The field of the owner holding the scope, e.g. `Branches[1]` or `ItemProcessor`; empty for the machine. */
  field: string;
  /** JSON pointer to the scope object, as asl-validator reports it (`/States/Fan out/Branches/1`). */
  pointer: string;
  node: JsonRecord;
  /** The scope's `States`, when it is an object. */
  states: JsonRecord | undefined;
  /** Default query language of the scope's states. */
  queryLanguage: QueryLanguage;
};

/** One state, where it sits, and the query language it evaluates. */
export type StateVisit = {
  name: string;
  /** State names from the top level down to this state. */
  path: readonly string[];
  state: JsonRecord;
  scope: Scope;
  queryLanguage: QueryLanguage;
};

/** The definition with its scopes and states listed, as every check reads it. */
export type WalkedDefinition = {
  definition: unknown;
  /** The machine's own query language (JSONPath unless the top level says JSONata). */
  queryLanguage: QueryLanguage;
  scopes: readonly Scope[];
  states: readonly StateVisit[];
};

type ScopeSeed = Pick<Scope, 'kind' | 'ownerPath' | 'label' | 'field' | 'pointer'>;

/** Lists every scope and state of `definition` without throwing on malformed input. */
export function walkStates(definition: unknown): WalkedDefinition {
  const queryLanguage = languageOf(definition, 'JSONPath');
  const scopes: Scope[] = [];
  const states: StateVisit[] = [];

  const visitScope = (node: unknown, seed: ScopeSeed, inherited: QueryLanguage): void => {
    if (!isRecord(node)) return;
    const scope: Scope = {
      ...seed,
      node,
      states: isRecord(node.States) ? node.States : undefined,
      queryLanguage: languageOf(node, inherited),
    };
    scopes.push(scope);
    for (const [name, state] of Object.entries(scope.states ?? {})) {
      if (!isRecord(state)) continue;
      const path = [...scope.ownerPath, name];
      states.push({ name, path, state, scope, queryLanguage: languageOf(state, scope.queryLanguage) });
      const pointer = `${scope.pointer}/States/${escapePointer(name)}`;
      visitChildren(state, name, path, pointer, scope.queryLanguage);
    }
  };

  const visitChildren = (state: JsonRecord, name: string, path: readonly string[], pointer: string, inherited: QueryLanguage): void => {
    if (state.Type === 'Parallel' && Array.isArray(state.Branches)) {
      state.Branches.forEach((branch, index) =>
        visitScope(
          branch,
          {
            kind: 'branch',
            ownerPath: path,
            label: `branch ${index + 1} of "${name}"`,
            field: `Branches[${index}]`,
            pointer: `${pointer}/Branches/${index}`,
          },
          inherited,
        ),
      );
    }
    if (state.Type === 'Map') {
      const field = state.ItemProcessor !== undefined ? 'ItemProcessor' : 'Iterator';
      visitScope(
        state[field],
        {
          kind: 'processor',
          ownerPath: path,
          label: `the ${field} of "${name}"`,
          field,
          pointer: `${pointer}/${field}`,
        },
        inherited,
      );
    }
  };

  visitScope(definition, { kind: 'machine', ownerPath: [], label: 'the state machine', field: '', pointer: '' }, queryLanguage);
  return { definition, queryLanguage, scopes, states };
}

/** The state visited at exactly `path`, if any. */
export function findState(machine: WalkedDefinition, path: readonly string[]): StateVisit | undefined {
  return machine.states.find((visit) => samePath(visit.path, path));
}

/** Whether two state paths name the same state. */
export function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, index) => name === b[index]);
}

function languageOf(node: unknown, inherited: QueryLanguage): QueryLanguage {
  return isJsonataState(node, inherited) ? 'JSONata' : 'JSONPath';
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
