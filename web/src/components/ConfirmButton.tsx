import type { ReactNode } from 'react';

/** A button for what cannot be undone: it asks `question` first, and does nothing unless the person agrees. */
export function ConfirmButton({
  question,
  onConfirm,
  busy,
  danger = false,
  label,
  children,
}: {
  question: string;
  onConfirm: () => void;
  busy: boolean;
  danger?: boolean;
  /** Its accessible name, when the text alone does not say what it acts on. */
  label?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={danger ? 'danger' : undefined}
      aria-label={label}
      disabled={busy}
      onClick={() => {
        if (window.confirm(question)) onConfirm();
      }}
    >
      {children}
    </button>
  );
}
