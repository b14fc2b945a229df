/** One state's definition: type, resource, retry, catch, timeouts, paths or JSONata, as ASL JSON. */
import type { StateMachineJson } from '../api/api-types';
import { stateAt } from '../graph/state-at';
import { InspectorPanel } from './inspector-panel';

/** Fields shown above the raw JSON, in this order, when the state has them. */
const HIGHLIGHTS = [
  'Type',
  'Resource',
  'TimeoutSeconds',
  'HeartbeatSeconds',
  'Retry',
  'Catch',
  'InputPath',
  'Parameters',
  'Arguments',
  'ResultSelector',
  'ResultPath',
  'OutputPath',
  'Output',
  'Assign',
  'Next',
  'End',
];

export function StateInspector({ definition, name, onClose }: { definition: StateMachineJson; name: string; onClose: () => void }) {
  const found = stateAt(definition, name);
  if (!found) return null;
  const { Branches: _branches, ItemProcessor: _processor, Iterator: _iterator, ...shown } = found.state;
  return (
    <InspectorPanel name={name} onClose={onClose}>
      <dl>
        {HIGHLIGHTS.filter((field) => shown[field] !== undefined).map((field) => (
          <div key={field}>
            <dt>{field}</dt>
            <dd>
              <code>
                {typeof shown[field] === 'string' || typeof shown[field] === 'number' ? String(shown[field]) : JSON.stringify(shown[field])}
              </code>
            </dd>
          </div>
        ))}
      </dl>
      <details>
        <summary>ASL</summary>
        <pre>{JSON.stringify(shown, null, 2)}</pre>
      </details>
    </InspectorPanel>
  );
}
