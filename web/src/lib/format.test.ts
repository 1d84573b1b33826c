import { formatDateTime, formatMoney, formatQuantity } from './format';

// Intl separates the symbol with a no-break space
const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('pt-BR formatting', () => {
  it('shows cents as reais with a comma and thousands with a dot', () => {
    expect(nbsp(formatMoney(4590))).toBe('R$ 45,90');
    expect(nbsp(formatMoney(0))).toBe('R$ 0,00');
    expect(nbsp(formatMoney(123456789))).toBe('R$ 1.234.567,89');
  });

  it('shows times in the pizzeria’s time zone (São Paulo, UTC−3)', () => {
    expect(formatDateTime('2026-12-07T02:30:00Z')).toBe('06/12/2026, 23:30');
  });

  it('shows quantities with their unit', () => {
    expect(formatQuantity(12000, 'g')).toBe('12.000 g');
    expect(formatQuantity(5, 'unit')).toBe('5 un.');
  });
});
