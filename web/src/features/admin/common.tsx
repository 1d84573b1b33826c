import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { ApiError } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { a, t } from '../../lib/messages';
import { problemMessage } from '../../lib/problem';

/** Every query of the console starts with this key: invalidating it refreshes the whole console. */
export const ADMIN = 'admin';

/**
 * A query as a page shows it: loading, what went wrong as one sentence, and what it holds (still shown beside the
 * error when a refresh failed).
 */
export function QueryView<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  return (
    <>
      {query.isPending && <Loading />}
      {query.isError && <Alert kind="error">{problemText(query.error)}</Alert>}
      {query.data !== undefined && children(query.data)}
    </>
  );
}

/** One sentence for what went wrong (the API's problem, or a network error). */
export function problemText(error: unknown, overrides: Partial<Record<number, string>> = {}): string {
  return error instanceof ApiError ? problemMessage(error.problem, overrides) : t.genericError;
}

/** The last part of a problem's type URI (…/problems/negative-stock → negative-stock). */
export function problemSlug(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || typeof error.problem.type !== 'string') return undefined;
  return error.problem.type.split('/').pop();
}

/** The API's field path (recipe[0].quantity) as react-hook-form names it (recipe.0.quantity). */
export function formPath(apiField: string): string {
  return apiField.replace(/\[(\d+)\]/g, '.$1');
}

/** "Atualizado às 19:02:11", from a report's asOf (the newest event it has applied). */
export function AsOf({ at }: { at?: string | null }) {
  if (!at) return null;
  return <p className="hint as-of">{a.updatedAt(formatTime(at))}</p>;
}

/** Previous / next page buttons for a paged list, with "21–40 de 57". */
export function Pager({ offset, limit, total, shown, onOffset }: { offset: number; limit: number; total: number; shown: number; onOffset: (offset: number) => void }) {
  if (total <= limit && offset === 0) return null;
  return (
    <div className="pager">
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        {a.newer}
      </button>
      <span>{a.shownOf(shown ? offset + 1 : 0, offset + shown, total)}</span>
      <button type="button" disabled={offset + shown >= total} onClick={() => onOffset(offset + limit)}>
        {a.older}
      </button>
    </div>
  );
}
