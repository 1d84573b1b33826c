import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import { t } from '../../lib/messages';
import type { MenuItem } from '../../lib/types';
import { useMe } from '../auth/session';
import { isSoldOut } from '../cart/cart';

/** "Para você": the ai service's recommendations with their reasons; only what the menu can sell now. */
export function ForYou({ menu, onAdd, limit = 4 }: { menu: MenuItem[]; onAdd: (item: MenuItem) => void; limit?: number }) {
  const me = useMe();
  const userId = me.data?.id;
  const recommendations = useQuery({
    queryKey: ['recommendations', userId, limit],
    queryFn: () => api.recommendations(userId!, limit),
    enabled: !!userId,
    staleTime: 60_000,
    retry: false,
  });
  const byId = new Map(menu.map((item) => [item.productId, item]));
  const shown = (recommendations.data ?? [])
    .map((r) => ({ r, item: byId.get(r.productId) }))
    .filter((x): x is { r: (typeof x)['r']; item: MenuItem } => !!x.item && !isSoldOut(x.item));
  if (!shown.length) return null;
  return (
    <section className="for-you" aria-labelledby="for-you">
      <h2 id="for-you">{t.forYou}</h2>
      <ul>
        {shown.map(({ r, item }) => (
          <li key={r.productId}>
            <div>
              <strong>{item.name}</strong> <span className="price">{formatMoney(item.priceCents)}</span>
              <p className="reason">{r.reason}</p>
            </div>
            <button type="button" className="add" aria-label={t.addTo(item.name)} onClick={() => onAdd(item)}>
              {t.add}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
