/** Builds a Map state: where its items come from, how many run at once, and its item processor. */
import type { QueryLanguage } from '../../asl';
import type { CommonOptions, InputOutputOptions, JsonataOptions, ResultPathOption } from '../step-options';
import type { Ended, Steps } from '../steps';
import type { ResolveTemplate, TemplateShape } from '../template';
import type { PathOf, ValueAt } from '../type-paths';
import type { StartChain } from './parallel-fields';
import { Scope } from './scope';
import type { StateDraft } from './state-draft';

export type MapOptions<T> = CommonOptions &
  InputOutputOptions<T> &
  JsonataOptions & {
    /** The array to iterate, in the state's input (JSONPath; default `$`). */
    itemsPath?: PathOf<T> | (string & {});
    /** The array to iterate (JSONata), e.g. `'{% $states.input.regions %}'`. */
    items?: unknown;
    /** Builds each item's input; `$$.Map.Item.Value` and `$$.Map.Item.Index` are the item and its index. */
    itemSelector?: TemplateShape;
    maxConcurrency?: number;
    maxConcurrencyPath?: string;
    toleratedFailureCount?: number;
    toleratedFailurePercentage?: number;
    itemBatcher?: { maxItemsPerBatch?: number; maxInputBytesPerBatch?: number; batchInput?: unknown };
    /** INLINE (default) runs items inside this execution; DISTRIBUTED runs child executions. */
    mode?: 'INLINE' | 'DISTRIBUTED';
    executionType?: 'STANDARD' | 'EXPRESS';
    label?: string;
    resultSelector?: TemplateShape;
    resultPath?: ResultPathOption;
  };

type ElementOf<A> = A extends readonly (infer E)[] ? E : unknown;
/** The input of the item processor. */
export type MapItem<T, O> = O extends { itemSelector: infer S }
  ? ResolveTemplate<T, S>
  : O extends { itemsPath: infer P extends string }
    ? ElementOf<ValueAt<T, P>>
    : ElementOf<T>;

/** The processor: builds the chain each item runs through. */
export type Processor<Item, R> = (steps: Steps<Item>) => Steps<R, unknown> | Ended;

/** Sets the Map's fields and builds its processor scope. */
export function buildMap(
  owner: Scope,
  draft: StateDraft,
  options: MapOptions<unknown>,
  processor: Processor<never, unknown>,
  language: QueryLanguage,
  start: StartChain,
): void {
  const batcher = options.itemBatcher;
  Object.assign(draft.fields, {
    ItemsPath: options.itemsPath,
    Items: options.items,
    ItemSelector: options.itemSelector,
    ItemBatcher: batcher && {
      MaxItemsPerBatch: batcher.maxItemsPerBatch,
      MaxInputBytesPerBatch: batcher.maxInputBytesPerBatch,
      BatchInput: batcher.batchInput,
    },
    MaxConcurrency: options.maxConcurrency,
    MaxConcurrencyPath: options.maxConcurrencyPath,
    ToleratedFailureCount: options.toleratedFailureCount,
    ToleratedFailurePercentage: options.toleratedFailurePercentage,
    Label: options.label,
  });
  const mode = options.mode ?? 'INLINE';
  const distributedOnly = (['toleratedFailureCount', 'toleratedFailurePercentage', 'itemBatcher', 'executionType'] as const).filter(
    (key) => options[key] !== undefined,
  );
  if (mode === 'INLINE' && distributedOnly.length > 0) {
    owner.context.report(
      draft,
      'distributed-map-only',
      `${distributedOnly.join(', ')} only applies to a Map in DISTRIBUTED mode; set mode: 'DISTRIBUTED'`,
    );
  }
  const scope = new Scope(owner.context, draft.statePath, `the item processor of '${draft.name}'`, language);
  const result = processor(start(scope)) as Steps<unknown>;
  scope.close(result.ends);
  const config = mode === 'DISTRIBUTED' ? { Mode: mode, ExecutionType: options.executionType ?? 'STANDARD' } : { Mode: mode };
  draft.fields.ItemProcessor = () => ({ ProcessorConfig: config, ...scope.emit() });
}
