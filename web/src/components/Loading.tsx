import { t } from '../lib/messages';

export function Loading() {
  return (
    <p className="loading" role="status">
      {t.loading}
    </p>
  );
}
