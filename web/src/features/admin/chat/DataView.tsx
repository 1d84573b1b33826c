import { formatMoney, formatNumber } from '../../../lib/format';
import { chatFields, orderReason, orderStatus } from '../../../lib/messages';
import type { OrderReason, OrderStatus } from '../../../lib/types';

type Row = Record<string, unknown>;

function isRow(value: unknown): value is Row {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function isTable(value: unknown): value is Row[] {
  return Array.isArray(value) && value.length > 0 && value.every(isRow);
}

function label(key: string): string {
  return chatFields[key] ?? key;
}

/** A figure as a person reads it: cents as reais, numbers in pt-BR, statuses and reasons in Portuguese. */
export function formatValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return /Cents$/.test(key) ? formatMoney(value) : formatNumber(value);
  if (typeof value === 'boolean') return value ? 'sim' : 'não';
  if (typeof value === 'string') {
    if (key === 'status' && value in orderStatus) return orderStatus[value as OrderStatus];
    if (key === 'reason' && value in orderReason) return orderReason[value as OrderReason];
    return value;
  }
  if (isRow(value) && 'from' in value && 'to' in value) return `${value.from} a ${value.to}`;
  return JSON.stringify(value);
}

function Table({ rows, caption }: { rows: Row[]; caption?: string }) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) => !rows.every((r) => isRow(r[c]) || Array.isArray(r[c])));
  return (
    <div className="table-scroll">
      <table>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c}>{label(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c}>{formatValue(c, row[c])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The chatbot's figures (its answer's `data`): lists of records as tables, single figures as a short list. The
 * shapes differ per tool, so this reads them generically.
 */
export function DataView({ data }: { data: unknown }) {
  if (data === null || data === undefined) return null;
  // a comparison: the same figures for the period asked about and for the one it is compared with
  if (isRow(data) && isRow(data.current) && isRow(data.previous)) {
    return (
      <div className="chat-data">
        {(['current', 'previous'] as const).map((key) => (
          <section key={key}>
            <h3>{label(key)}</h3>
            <DataView data={data[key]} />
          </section>
        ))}
      </div>
    );
  }
  if (isTable(data)) return <Table rows={data} />;
  if (!isRow(data)) return <p className="hint">{formatValue('', data)}</p>;
  const entries = Object.entries(data).filter(([, v]) => v !== null && v !== undefined);
  const scalars = entries.filter(([, v]) => !Array.isArray(v));
  const tables = entries.filter(([, v]) => isTable(v)) as [string, Row[]][];
  return (
    <div className="chat-data">
      {scalars.length > 0 && (
        <dl className="figures">
          {scalars.map(([key, value]) => (
            <div key={key}>
              <dt>{key === 'period' || key === 'basis' ? 'Período' : label(key)}</dt>
              <dd>{formatValue(key, value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {tables.map(([key, rows]) => (
        <Table key={key} rows={rows} caption={label(key)} />
      ))}
    </div>
  );
}
