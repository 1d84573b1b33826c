import { useState, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Figures } from '../../../components/Figures';
import { Table } from '../../../components/Table';
import { formatDay, formatDayOf, formatHourOf, formatMoney, formatMoneyCompact, formatNumber, formatPercent, formatQuantity } from '../../../lib/format';
import { a, orderStatus } from '../../../lib/messages';
import type { InProgressStatus } from '../../../lib/types';
import { AsOf, QueryView } from '../common';
import { useIngredients, useProducts } from '../stock/api';
import { useInProgress, usePaymentsReport, useSales } from './api';
import { lowStock } from './lowStock';

const RED = '#b3261e';
const AMBER = '#8a5a00';
const CHART_HEIGHT = 240;
/** Until the browser has measured the page (and in tests, where nothing is measured). */
const INITIAL = { width: 600, height: CHART_HEIGHT };

/** The owner's four pictures: sales per day, orders in progress (live), payment failure rate, low stock. */
export function Dashboard() {
  return (
    <div className="dashboard">
      <SalesCard />
      <InProgressCard />
      <PaymentsCard />
      <LowStockCard />
    </div>
  );
}

function Card({ id, title, hint, asOf, children }: { id: string; title: string; hint: string; asOf?: string | null; children: ReactNode }) {
  return (
    <section className="card dashboard-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="hint">{hint}</p>
      {children}
      <AsOf at={asOf} />
    </section>
  );
}

/** A picture's figures as a table, folded away under "show the numbers". */
function Numbers<T>(table: Parameters<typeof Table<T>>[0]) {
  return (
    <details className="numbers">
      <summary>{a.showNumbers}</summary>
      <Table {...table} />
    </details>
  );
}

function SalesCard() {
  const sales = useSales();
  const days = sales.data?.days ?? [];
  const today = days[days.length - 1];
  const orders = days.reduce((sum, d) => sum + d.orders, 0);
  const revenue = days.reduce((sum, d) => sum + d.revenueCents, 0);
  return (
    <Card id="dash-sales" title={a.salesPerDay} hint={a.salesHint} asOf={sales.data?.asOf}>
      <QueryView query={sales}>
        {() => (
          <>
            <Figures
              figures={[
                { label: a.today, value: <MoneyAndOrders cents={today?.revenueCents ?? 0} orders={today?.orders ?? 0} />, testId: 'sales-today' },
                { label: a.last30, value: <MoneyAndOrders cents={revenue} orders={orders} /> },
              ]}
            />
            <div className="chart" role="img" aria-label={`${a.salesPerDay}: ${formatMoney(revenue)}`}>
              <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={INITIAL}>
                <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
                  <CartesianGrid vertical={false} stroke="#eee" />
                  <XAxis dataKey="day" tickFormatter={formatDay} tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={12} />
                  <YAxis tickFormatter={formatMoneyCompact} tick={{ fontSize: 11 }} width={64} />
                  <Tooltip
                    formatter={(value) => [formatMoney(Number(value)), a.revenue]}
                    labelFormatter={(day) => formatDay(String(day))}
                  />
                  <Bar dataKey="revenueCents" fill={RED} name={a.revenue} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <Numbers
              head={[a.day, a.ordersHeader, a.revenue, a.averageTicket]}
              rows={[...days].reverse()}
              rowKey={(d) => d.day}
              cells={(d) => [formatDay(d.day), formatNumber(d.orders), formatMoney(d.revenueCents), formatMoney(d.averageTicketCents)]}
            />
          </>
        )}
      </QueryView>
    </Card>
  );
}

function MoneyAndOrders({ cents, orders }: { cents: number; orders: number }) {
  return (
    <>
      {formatMoney(cents)} <small>{a.ordersCount(orders)}</small>
    </>
  );
}

const IN_PROGRESS: InProgressStatus[] = ['PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'PREPARING', 'OUT_FOR_DELIVERY'];

function InProgressCard() {
  const report = useInProgress();
  const data = IN_PROGRESS.map((status) => ({ status, label: orderStatus[status], count: report.data?.byStatus[status] ?? 0 }));
  return (
    <Card id="dash-in-progress" title={a.inProgress} hint={a.inProgressHint} asOf={report.data?.asOf}>
      <QueryView query={report}>
        {(inProgress) => (
          <>
            <p className="big-number" aria-live="polite">
              {a.inProgressTotal(inProgress.total)}
              {inProgress.total > 0 && <small>{a.oldestWaiting(Math.floor(inProgress.oldestWaitingSeconds / 60))}</small>}
            </p>
            <ul className="status-counts">
              {data.map((d) => (
                <li key={d.status}>
                  <span className={`status status-${d.status.toLowerCase()}`}>{d.label}</span> <strong>{d.count}</strong>
                </li>
              ))}
            </ul>
            <div className="chart" role="img" aria-label={a.inProgressTotal(inProgress.total)}>
              <ResponsiveContainer width="100%" height={180} initialDimension={{ width: 600, height: 180 }}>
                <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
                  <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
                  <YAxis type="category" dataKey="label" width={140} tick={{ fontSize: 11 }} />
                  <Tooltip formatter={(value) => [formatNumber(Number(value)), a.ordersHeader]} />
                  <Bar dataKey="count" fill={AMBER} name={a.ordersHeader} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </>
        )}
      </QueryView>
    </Card>
  );
}

function PaymentsCard() {
  const [bucket, setBucket] = useState<'hour' | 'day'>('day');
  const report = usePaymentsReport(bucket);
  const label = bucket === 'hour' ? formatHourOf : formatDayOf;
  // a bucket without attempts has no rate: a gap in the line, not a zero
  const data = (report.data?.buckets ?? []).map((b) => ({ ...b, label: label(b.start), rate: b.attempts ? b.failureRate * 100 : null }));
  const attempts = data.reduce((sum, b) => sum + b.attempts, 0);
  const declined = data.reduce((sum, b) => sum + b.declined, 0);
  return (
    <Card id="dash-payments" title={a.paymentFailures} hint={a.paymentFailuresHint} asOf={report.data?.asOf}>
      <div className="segmented" role="group" aria-label={a.when}>
        <button type="button" aria-pressed={bucket === 'day'} onClick={() => setBucket('day')}>
          {a.byDay30}
        </button>
        <button type="button" aria-pressed={bucket === 'hour'} onClick={() => setBucket('hour')}>
          {a.byHourToday}
        </button>
      </div>
      <QueryView query={report}>
        {() => (
          <>
            <p className="big-number">
              {attempts ? formatPercent(declined / attempts) : '—'}{' '}
              <small>
                {formatNumber(declined)} {a.declinedHeader.toLowerCase()} / {formatNumber(attempts)} {a.attempts.toLowerCase()}
              </small>
            </p>
            <div className="chart" role="img" aria-label={a.paymentFailures}>
              <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={INITIAL}>
                <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
                  <CartesianGrid vertical={false} stroke="#eee" />
                  <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={12} />
                  <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 11 }} width={48} />
                  <Tooltip formatter={(value) => [value == null ? '—' : formatPercent(Number(value) / 100), a.failureRate]} />
                  <Line dataKey="rate" stroke={RED} strokeWidth={2} dot={{ r: 2 }} connectNulls name={a.failureRate} isAnimationActive={false} />
                </LineChart>
              </ResponsiveContainer>
            </div>
            <Numbers
              head={[a.when, a.attempts, a.declinedHeader, a.failureRate]}
              rows={data.filter((b) => b.attempts > 0)}
              rowKey={(b) => b.start}
              cells={(b) => [b.label, formatNumber(b.attempts), formatNumber(b.declined), formatPercent(b.failureRate)]}
            />
          </>
        )}
      </QueryView>
    </Card>
  );
}

function LowStockCard() {
  const ingredients = useIngredients();
  const products = useProducts();
  const error = ingredients.error ?? products.error;
  const lines = ingredients.data && products.data ? lowStock(ingredients.data.items, products.data.items) : null;
  return (
    <Card id="dash-low-stock" title={a.lowStock} hint={a.lowStockHint}>
      <QueryView
        query={{ isPending: (ingredients.isPending || products.isPending) && !error, isError: !!error, error, data: lines ?? undefined }}
        isEmpty={(found) => found.length === 0}
        empty={<p>{a.noLowStock}</p>}
      >
        {(found) => (
          <Table
            head={[a.ingredient, a.available, a.stillAllows]}
            rows={found}
            rowKey={({ ingredient }) => ingredient.sku}
            rowClass={() => 'low'}
            rowHeader
            cells={({ ingredient: i, allows }) => [
              <>
                {i.name} <small>{i.sku}</small>
              </>,
              <>
                {formatQuantity(Math.max(0, i.available), i.unit)}
                <LevelMeter available={i.available} threshold={i.lowStockThreshold} />
                <small className="hint">
                  {a.threshold} {formatQuantity(i.lowStockThreshold, i.unit)}
                </small>
              </>,
              allows.length === 0 ? (
                <span className="hint">{a.usedByNone}</span>
              ) : (
                <ul className="allows">
                  {allows.map((p) => (
                    <li key={p.productId}>
                      <strong>{p.units}</strong> × {p.name}
                    </li>
                  ))}
                </ul>
              ),
            ]}
          />
        )}
      </QueryView>
    </Card>
  );
}

/** How far under its threshold an ingredient is: the bar spans twice the threshold; red under half of it, amber up to it. */
function LevelMeter({ available, threshold }: { available: number; threshold: number }) {
  const t = Math.max(1, threshold);
  return <meter min={0} max={2 * t} low={t / 2} high={t} optimum={2 * t} value={Math.max(0, available)} aria-hidden="true" />;
}
