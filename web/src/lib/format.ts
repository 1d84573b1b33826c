// Money, dates and numbers as a Brazilian reads them: Intl with pt-BR, BRL and the pizzeria's time zone.

export const LOCALE = 'pt-BR';
export const TIME_ZONE = 'America/Sao_Paulo';

const money = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'BRL' });
const number = new Intl.NumberFormat(LOCALE);
const dateTime = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'short', timeStyle: 'short', timeZone: TIME_ZONE });
const time = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: TIME_ZONE });

/** 4590 → "R$ 45,90" (Intl puts a no-break space after the symbol). */
export function formatMoney(cents: number): string {
  return money.format(cents / 100);
}

export function formatNumber(value: number): string {
  return number.format(value);
}

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

export function formatTime(iso: string): string {
  return time.format(new Date(iso));
}

const units: Record<string, string> = { g: 'g', ml: 'ml', unit: 'un.' };

/** 12000 g → "12.000 g"; 5 unit → "5 un." */
export function formatQuantity(value: number, unit: string): string {
  return `${number.format(value)} ${units[unit] ?? unit}`;
}

const compactMoney = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'BRL', notation: 'compact', maximumFractionDigits: 1 });
const dayOfInstant = new Intl.DateTimeFormat(LOCALE, { day: '2-digit', month: '2-digit', timeZone: TIME_ZONE });
const hourOfInstant = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 });

/** 150000 → "R$ 1,5 mil" (chart axes). */
export function formatMoneyCompact(cents: number): string {
  return compactMoney.format(cents / 100);
}

/** A local day as the reports give it (2026-12-07) → "07/12". */
export function formatDay(day: string): string {
  const [, month, date] = day.split('-');
  return `${date}/${month}`;
}

/** An instant → its day in the pizzeria's time zone, "07/12". */
export function formatDayOf(iso: string): string {
  return dayOfInstant.format(new Date(iso));
}

/** An instant → its hour in the pizzeria's time zone, "19:00". */
export function formatHourOf(iso: string): string {
  return hourOfInstant.format(new Date(iso));
}

/** 0.125 → "12,5%" */
export function formatPercent(ratio: number): string {
  return percent.format(ratio);
}
