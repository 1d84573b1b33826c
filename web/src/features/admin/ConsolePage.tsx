import { Navigate, NavLink, Route, Routes } from 'react-router-dom';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { a, roles, t } from '../../lib/messages';
import { useMe } from '../auth/session';
import { ChatPanel } from './chat/ChatPanel';
import { problemText } from './common';
import { Dashboard } from './dashboard/Dashboard';
import { DeadLettersPage } from './deadletters/DeadLettersPage';
import { KitchenBoard } from './kitchen/KitchenBoard';
import { OrderDetail } from './orders/OrderDetail';
import { OrdersPage } from './orders/OrdersPage';
import { ProductEditPage, ProductNewPage } from './products/ProductEditPage';
import { ProductsPage } from './products/ProductsPage';
import { IngredientPage } from './stock/IngredientPage';
import { StockPage } from './stock/StockPage';
import { UsersPage } from './users/UsersPage';

/** The console's sections, in the order of its menu; kitchen staff have only the board. */
const sections = [
  { path: '', label: a.dashboard, end: true },
  { path: 'cozinha', label: a.kitchen },
  { path: 'pedidos', label: a.orders },
  { path: 'estoque', label: a.stock },
  { path: 'produtos', label: a.products },
  { path: 'usuarios', label: a.users },
  { path: 'mensagens', label: a.deadLetters },
  { path: 'assistente', label: a.chat },
];

/**
 * The administrator console (/admin). Which screens a person gets follows their role (admin: all; kitchen: the
 * board only), but the API decides: every call is the admin or kitchen API, which refuses anyone else.
 */
export function ConsolePage() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) {
    return (
      <section>
        <h1>{a.title}</h1>
        <Alert kind="error">{problemText(me.error)}</Alert>
      </section>
    );
  }
  const role = me.data.role;
  if (role !== 'admin' && role !== 'kitchen') {
    return (
      <section>
        <h1>{a.title}</h1>
        <Alert kind="error">{t.staffOnly}</Alert>
      </section>
    );
  }
  const admin = role === 'admin';
  const shown = admin ? sections : sections.filter((s) => s.path === 'cozinha');
  return (
    <section className="console">
      <div className="console-head">
        <h1>{a.title}</h1>
        <p className="hint">
          {me.data.name} · {roles[role]}
        </p>
      </div>
      <nav aria-label={a.nav} className="console-nav">
        {shown.map((s) => (
          <NavLink key={s.path} to={s.path ? `/admin/${s.path}` : '/admin'} end={s.end}>
            {s.label}
          </NavLink>
        ))}
      </nav>
      {admin ? (
        <Routes>
          <Route index element={<Dashboard />} />
          <Route path="cozinha" element={<KitchenBoard />} />
          <Route path="pedidos" element={<OrdersPage />} />
          <Route path="pedidos/:id" element={<OrderDetail />} />
          <Route path="estoque" element={<StockPage />} />
          <Route path="estoque/:sku" element={<IngredientPage />} />
          <Route path="produtos" element={<ProductsPage />} />
          <Route path="produtos/novo" element={<ProductNewPage />} />
          <Route path="produtos/:id" element={<ProductEditPage />} />
          <Route path="usuarios" element={<UsersPage />} />
          <Route path="mensagens" element={<DeadLettersPage />} />
          <Route path="assistente" element={<ChatPanel />} />
          <Route path="*" element={<Navigate to="/admin" replace />} />
        </Routes>
      ) : (
        <Routes>
          <Route path="cozinha" element={<KitchenBoard />} />
          <Route path="*" element={<Navigate to="/admin/cozinha" replace />} />
        </Routes>
      )}
    </section>
  );
}
