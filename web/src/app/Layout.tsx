import { useEffect } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { t } from '../lib/messages';
import { useMe, useSession, useSignOut } from '../features/auth/session';
import { cartCount } from '../features/cart/cart';
import { useCart } from '../features/cart/store';

/** Pages anyone may see without a session: an expired session does not send the person away from them. */
const PUBLIC_PATHS = ['/', '/entrar', '/cadastro'];

export function Layout() {
  const { signedIn, expired } = useSession();
  const me = useMe();
  const signOut = useSignOut();
  const cart = useCart();
  const location = useLocation();
  const navigate = useNavigate();

  // An expired session (its time is up, or the API answered 401) sends the person to sign in again, and back
  // here afterwards; the cart is in localStorage and stays.
  useEffect(() => {
    if (expired && !PUBLIC_PATHS.includes(location.pathname)) {
      navigate(`/entrar?expirou=1&voltar=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    }
  }, [expired, location.pathname, location.search, navigate]);

  const staff = me.data?.role === 'admin' || me.data?.role === 'kitchen';
  const count = cartCount(cart);
  return (
    <>
      <header className="top">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width={24} height={24} /> {t.brand}
        </Link>
        <nav aria-label="Principal">
          <NavLink to="/" end>
            {t.menu}
          </NavLink>
          {signedIn && <NavLink to="/meus-pedidos">{t.myOrders}</NavLink>}
          <NavLink to="/carrinho" aria-label={`${t.cart}: ${count} ${count === 1 ? 'item' : 'itens'}`}>
            {t.cart}
            {count > 0 && <span className="count">{count}</span>}
          </NavLink>
          {staff && <NavLink to="/admin">{t.console}</NavLink>}
          {signedIn ? (
            <button type="button" className="link" onClick={() => { signOut(); navigate('/'); }}>
              {t.signOut}
              {me.data && <span className="who"> ({me.data.name.split(' ')[0]})</span>}
            </button>
          ) : (
            <NavLink to="/entrar">{t.signIn}</NavLink>
          )}
        </nav>
      </header>
      <main className={location.pathname.startsWith('/admin') ? 'wide' : undefined}>
        {expired && location.pathname === '/' && (
          <div className="alert alert-info" role="status">
            {t.sessionExpired} <Link to="/entrar?expirou=1">{t.signIn}</Link>
          </div>
        )}
        <Outlet />
      </main>
      <footer>Forno Pizzaria · pedidos confirmados só com estoque reservado e pagamento autorizado</footer>
    </>
  );
}
