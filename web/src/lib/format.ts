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
