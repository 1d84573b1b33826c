import type { ReactNode } from 'react';

export function Alert({ kind, children }: { kind: 'error' | 'info' | 'success'; children: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** An error beside the control it is about (in a table's row), where a whole alert box would be too much. */
export function InlineError({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <span className="field-error" role="alert">
      {children}
    </span>
  );
}
