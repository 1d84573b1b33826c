import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { api, ApiError } from '../../lib/api';
import { formatMoney, formatQuantity } from '../../lib/format';
import { categories, roles, t } from '../../lib/messages';
import { problemMessage } from '../../lib/problem';
import type { Ingredient, Product } from '../../lib/types';
import { useMe } from '../auth/session';

/**
 * The administrator console's first screens: stock (restock an ingredient) and products (manual sold-out). Every
 * call goes to the admin API, which decides: a customer who opens /admin is refused there, and this page says so.
 */
export function AdminPage() {
  const me = useMe();
  const ingredients = useQuery({ queryKey: ['admin', 'ingredients'], queryFn: api.ingredients, refetchInterval: 5000, retry: false });
  const products = useQuery({ queryKey: ['admin', 'products'], queryFn: api.products, refetchInterval: 5000, retry: false });

  const refused = [ingredients.error, products.error].some((e) => e instanceof ApiError && (e.status === 403 || e.status === 401));
  if (refused || me.data?.role === 'customer') {
    return (
      <section>
        <h1>Console da pizzaria</h1>
        <Alert kind="error">{t.staffOnly}</Alert>
      </section>
    );
  }
  if (me.data?.role === 'kitchen') {
    return (
      <section>
        <h1>Console da pizzaria</h1>
        <Alert kind="info">O quadro da cozinha chega em breve.</Alert>
      </section>
    );
  }
  if (ingredients.isPending || products.isPending) return <Loading />;
  return (
    <section className="admin">
      <h1>Console da pizzaria</h1>
      {me.data && (
        <p className="hint">
          {me.data.name} · {roles[me.data.role]}
        </p>
      )}
      <p className="hint">O painel de vendas chega na próxima versão.</p>
      {ingredients.isError ? <Alert kind="error">{problemText(ingredients.error)}</Alert> : <Ingredients list={ingredients.data.items} />}
      {products.isError ? <Alert kind="error">{problemText(products.error)}</Alert> : <Products list={products.data.items} />}
    </section>
  );
}

function problemText(error: unknown) {
  return error instanceof ApiError ? problemMessage(error.problem) : t.genericError;
}

function Ingredients({ list }: { list: Ingredient[] }) {
  return (
    <section aria-labelledby="ingredients">
      <h2 id="ingredients">Estoque</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>Ingrediente</th>
              <th>Disponível</th>
              <th>Em estoque</th>
              <th>Reservado</th>
              <th>Repor</th>
            </tr>
          </thead>
          <tbody>
            {list.map((i) => (
              <tr key={i.sku} className={i.low ? 'low' : undefined}>
                <th scope="row">
                  {i.name} <small>{i.sku}</small> {i.low && <span className="badge badge-few">baixo</span>}
                </th>
                <td>{formatQuantity(i.available, i.unit)}</td>
                <td>{formatQuantity(i.onHand, i.unit)}</td>
                <td>{formatQuantity(i.reserved, i.unit)}</td>
                <td>
                  <Restock ingredient={i} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Restock({ ingredient }: { ingredient: Ingredient }) {
  const client = useQueryClient();
  const [quantity, setQuantity] = useState('');
  const restock = useMutation({
    mutationFn: (q: number) => api.moveStock(ingredient.sku, 'RESTOCK', q, 'Reposição pelo console'),
    onSuccess: () => {
      setQuantity('');
      client.invalidateQueries({ queryKey: ['admin'] });
      client.invalidateQueries({ queryKey: ['menu'] });
    },
  });
  const value = Number(quantity);
  return (
    <form
      className="inline"
      onSubmit={(e) => {
        e.preventDefault();
        if (Number.isInteger(value) && value > 0) restock.mutate(value);
      }}
    >
      <input
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        aria-label={`Quantidade a repor de ${ingredient.name}`}
        value={quantity}
        onChange={(e) => setQuantity(e.target.value)}
      />
      <button type="submit" disabled={restock.isPending || !(Number.isInteger(value) && value > 0)}>
        Repor
      </button>
      {restock.isError && <span className="field-error">{problemText(restock.error)}</span>}
    </form>
  );
}

function Products({ list }: { list: Product[] }) {
  const client = useQueryClient();
  const toggle = useMutation({
    mutationFn: (p: Product) => (p.manuallySoldOut ? api.liftSoldOut(p.id) : api.markSoldOut(p.id)),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['admin'] });
      client.invalidateQueries({ queryKey: ['menu'] });
    },
  });
  return (
    <section aria-labelledby="products">
      <h2 id="products">Produtos</h2>
      {toggle.isError && <Alert kind="error">{problemText(toggle.error)}</Alert>}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>Produto</th>
              <th>Preço</th>
              <th>Dá para fazer</th>
              <th>Venda</th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.name} <small>{categories[p.category]}</small>
                </th>
                <td>{formatMoney(p.priceCents)}</td>
                <td>{p.available}</td>
                <td>
                  {p.soldOut && <span className="badge badge-sold-out">{p.manuallySoldOut ? 'Esgotado (manual)' : t.soldOut}</span>}{' '}
                  <button type="button" disabled={toggle.isPending} onClick={() => toggle.mutate(p)}>
                    {p.manuallySoldOut ? `Voltar a vender ${p.name}` : `Marcar ${p.name} esgotado`}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
