import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { ApiError } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { a, t } from '../../lib/messages';
import { problemMessage } from '../../lib/problem';

/** Every query of the console starts with this key: invalidating it refreshes the whole console. */
export const ADMIN = 'admin';

/**
 * A query of the console: its key starts with ADMIN; asked again every `poll` ms if given; with `keepPrevious`, the
 * last answer stays on screen while the next page or filter loads.
 */
export function useConsoleQuery<T>(
  key: readonly unknown[],
  queryFn: () => Promise<T>,
  { poll, keepPrevious = false }: { poll?: number; keepPrevious?: boolean } = {},
): UseQueryResult<T> {
  return useQuery({ queryKey: [ADMIN, ...key], queryFn, refetchInterval: poll, placeholderData: keepPrevious ? keepPreviousData : undefined });
}

/**
 * A query as a page shows it: loading, what went wrong as one sentence, and what it holds (still shown beside the
 * error when a refresh failed, unless `hideOnError`); `empty` instead of `children` when `isEmpty` says so.
 */
export function QueryView<T>({
  query,
  isEmpty,
  empty,
  hideOnError = false,
  children,
}: {
  query: Pick<UseQueryResult<T>, 'isPending' | 'isError' | 'error' | 'data'>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  hideOnError?: boolean;
  children: (data: T) => ReactNode;
}) {
  const shown = query.data !== undefined && !(hideOnError && query.isError);
  return (
    <>
      {query.isPending && <Loading />}
      {query.isError && <Alert kind="error">{problemText(query.error)}</Alert>}
      {shown && (isEmpty?.(query.data as T) ? empty : children(query.data as T))}
    </>
  );
}

/**
 * A page about one record (an order, an ingredient): loading, then the record; when it cannot be loaded, "not found"
 * for a 404 (or the problem) and the way back.
 */
export function RecordView<T>({
  query,
  notFound,
  back,
  children,
}: {
  query: UseQueryResult<T>;
  notFound?: string;
  back?: { to: string; label: string };
  children: (record: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) {
    const message = notFound && query.error instanceof ApiError && query.error.status === 404 ? notFound : problemText(query.error);
    if (!back) return <Alert kind="error">{message}</Alert>;
    return (
      <section>
        <Alert kind="error">{message}</Alert>
        <Link to={back.to}>{back.label}</Link>
      </section>
    );
  }
  return <>{children(query.data)}</>;
}

/** A console list's filters: a search form whose fields are the children, with Search (and any other buttons). */
export function SearchForm({ onSearch, buttons, children }: { onSearch: () => void; buttons?: ReactNode; children: ReactNode }) {
  return (
    <form
      className="filters"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch();
      }}
    >
      {children}
      <div className="filter-buttons">
        <button type="submit">{a.search}</button>
        {buttons}
      </div>
    </form>
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
