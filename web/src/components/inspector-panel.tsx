/** The side panel a state's details open in, with its name and a close button. */
import type { ReactNode } from 'react';

export function InspectorPanel({ name, onClose, children }: { name: string; onClose: () => void; children: ReactNode }) {
  return (
    <aside className="inspector" aria-label={`State ${name}`}>
      <div className="inspector-head">
        <h2>{name}</h2>
        <button type="button" onClick={onClose} aria-label="Close the state's details">
          ×
        </button>
      </div>
      {children}
    </aside>
  );
}
