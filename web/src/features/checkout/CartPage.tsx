import { Link, useLocation } from 'react-router-dom';
import { Alert } from '../../components/Alert';
import { formatMoney } from '../../lib/format';
import { t } from '../../lib/messages';
import { useMe, useSession } from '../auth/session';
import { cartProblems, cartTotalCents, removeItem, setQuantity } from '../cart/cart';
import { updateCart, useCart } from '../cart/store';
import { useMenu } from '../menu/api';
import { CheckoutForm } from './CheckoutForm';

export function CartPage() {
  const cart = useCart();
  const menu = useMenu();
  const { signedIn } = useSession();
  const me = useMe();
  const location = useLocation();
  const problems = menu.data ? cartProblems(cart, menu.data) : [];

  if (cart.length === 0) {
    return (
      <section>
        <h1>{t.cart}</h1>
        <p>{t.emptyCart}</p>
        <Link to="/" className="button">
          {t.seeMenu}
        </Link>
      </section>
    );
  }
  return (
    <section>
      <h1>{t.cart}</h1>
      <ul className="cart-lines">
        {cart.map((line) => (
          <li key={line.productId}>
            <span className="name">{line.name}</span>
            <span className="qty">
              <button type="button" aria-label={t.decrease(line.name)} onClick={() => updateCart((c) => setQuantity(c, line.productId, line.quantity - 1))}>
                −
              </button>
              <output aria-label={`${t.quantity} de ${line.name}`}>{line.quantity}</output>
              <button type="button" aria-label={t.increase(line.name)} onClick={() => updateCart((c) => setQuantity(c, line.productId, line.quantity + 1))}>
                +
              </button>
            </span>
            <span className="price">{formatMoney(line.quantity * line.unitPriceCents)}</span>
            <button type="button" className="link" onClick={() => updateCart((c) => removeItem(c, line.productId))}>
              {t.remove}
            </button>
          </li>
        ))}
      </ul>
      <p className="total">
        {t.total}: <strong>{formatMoney(cartTotalCents(cart))}</strong>
      </p>
      {problems.map((p) => (
        <Alert key={p.productId} kind="error">
          {p.kind === 'tooMany' ? t.tooManyInCart(p.name, p.available) : t.unavailableInCart(p.name)}
        </Alert>
      ))}
      {signedIn ? (
        me.isPending ? null : <CheckoutForm cart={cart} profileAddress={me.data?.address} blocked={problems.length > 0} />
      ) : (
        <Alert kind="info">
          {t.signInToOrder} <Link to={`/entrar?checkout=1&voltar=${encodeURIComponent(location.pathname)}`}>{t.signIn}</Link>
        </Alert>
      )}
    </section>
  );
}
