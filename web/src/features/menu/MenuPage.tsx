import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { formatMoney } from '../../lib/format';
import { categories, categoryOrder, t } from '../../lib/messages';
import type { MenuItem } from '../../lib/types';
import { useSession } from '../auth/session';
import { addItem, cartCount, cartTotalCents, refreshFromMenu } from '../cart/cart';
import { updateCart, useCart } from '../cart/store';
import { ForYou } from '../recommendations/ForYou';
import { useMenu } from './api';
import { ProductCard } from './ProductCard';

export function useAddToCart() {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 3000);
    return () => clearTimeout(timer);
  }, [notice]);
  const add = (item: MenuItem) => {
    let message = '';
    updateCart((cart) => {
      const result = addItem(cart, item);
      message = result.added ? t.added(item.name) : result.limit ? t.maxReached(result.limit) : `${item.name}: ${t.soldOut}.`;
      return result.cart;
    });
    setNotice(message);
  };
  return { add, notice };
}

export function MenuPage() {
  const menu = useMenu();
  const cart = useCart();
  const { signedIn } = useSession();
  const { add, notice } = useAddToCart();

  useEffect(() => {
    if (menu.data) updateCart((c) => refreshFromMenu(c, menu.data));
  }, [menu.data]);

  if (menu.isPending) return <Loading />;
  const items = menu.data ?? [];
  return (
    <>
      <h1>{t.menu}</h1>
      {menu.isError && <Alert kind="error">{t.menuUnavailable}</Alert>}
      {menu.isSuccess && items.length === 0 && <p>{t.menuEmpty}</p>}
      {signedIn && <ForYou menu={items} onAdd={add} />}
      {categoryOrder.map((category) => {
        const inCategory = items.filter((item) => item.category === category);
        if (!inCategory.length) return null;
        return (
          <section key={category} aria-labelledby={`cat-${category}`} className="category">
            <h2 id={`cat-${category}`}>{categories[category]}</h2>
            <div className="products">
              {inCategory.map((item) => (
                <ProductCard key={item.productId} item={item} onAdd={add} />
              ))}
            </div>
          </section>
        );
      })}
      <div className="toast" role="status" aria-live="polite">
        {notice}
      </div>
      {cart.length > 0 && (
        <Link to="/carrinho" className="cart-bar">
          {t.cart} ({cartCount(cart)}) · {formatMoney(cartTotalCents(cart))}
        </Link>
      )}
    </>
  );
}
