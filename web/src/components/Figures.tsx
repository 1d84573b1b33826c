import type { ReactNode } from 'react';

export interface Figure {
  label: ReactNode;
  value: ReactNode;
  /** For the tests that read one figure. */
  testId?: string;
}

/** A few headline figures side by side (label above, value below). */
export function Figures({ figures }: { figures: Figure[] }) {
  return (
    <dl className="figures">
      {figures.map((f, i) => (
        <div key={i}>
          <dt>{f.label}</dt>
          <dd data-testid={f.testId}>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
