import type { ReactNode } from 'react';
import { t } from '../lib/messages';

/** A form's main button: disabled while the form is sent, and saying so when `sayBusy`. */
export function SubmitButton({ busy, sayBusy = false, children }: { busy: boolean; sayBusy?: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="primary" disabled={busy}>
      {busy && sayBusy ? t.loading : children}
    </button>
  );
}
