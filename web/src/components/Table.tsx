import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on a phone: its column titles, and one row per item as the cells `cells` makes of
 * it. With `rowHeader`, the first cell names the row (a `<th scope="row">`, which is how tests and screen readers
 * find a row by its name).
 */
export function Table<T>({
  head,
  rows,
  rowKey,
  cells,
  rowHeader = false,
  rowClass,
}: {
  head: ReactNode[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string | number;
  cells: (row: T) => ReactNode[];
  rowHeader?: boolean;
  rowClass?: (row: T) => string | undefined;
}) {
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            {head.map((title, i) => (
              <th key={i}>{title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)} className={rowClass?.(row)}>
              {cells(row).map((cell, i) =>
                rowHeader && i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
