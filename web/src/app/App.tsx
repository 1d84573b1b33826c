import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Link, RouterProvider, type RouteObject } from 'react-router-dom';
import { ApiError } from '../lib/api';
import { t } from '../lib/messages';
import { Loading } from '../components/Loading';
import { SignInPage } from '../features/auth/SignInPage';
import { SignUpPage } from '../features/auth/SignUpPage';
import { CartPage } from '../features/checkout/CartPage';
import { MenuPage } from '../features/menu/MenuPage';
import { MyOrdersPage } from '../features/orders/MyOrdersPage';
import { OrderPage } from '../features/orders/OrderPage';
import { Layout } from './Layout';
import { RequireSignIn } from './RequireSignIn';

// The console (and its charts) is loaded only when someone opens /admin: the storefront stays small.
const ConsolePage = lazy(() => import('../features/admin/ConsolePage').then((m) => ({ default: m.ConsolePage })));

// Routes never start with an API prefix (/users /orders /stock /payments and their Portuguese aliases
// /usuarios /pedidos /estoque /pagamentos): the gateway sends those to the services, reloads included.
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { path: '/', element: <MenuPage /> },
      { path: '/entrar', element: <SignInPage /> },
      { path: '/cadastro', element: <SignUpPage /> },
      { path: '/carrinho', element: <CartPage /> },
      { path: '/pedido/:id', element: <RequireSignIn><OrderPage /></RequireSignIn> },
      { path: '/meus-pedidos', element: <RequireSignIn><MyOrdersPage /></RequireSignIn> },
      {
        path: '/admin/*',
        element: (
          <RequireSignIn>
            <Suspense fallback={<Loading />}>
              <ConsolePage />
            </Suspense>
          </RequireSignIn>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];

function NotFound() {
  return (
    <section>
      <h1>{t.notFound}</h1>
      <Link to="/">{t.backHome}</Link>
    </section>
  );
}

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // a 4xx will not change by asking again; a lost answer or a 5xx may
        retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

export const routerFuture = { v7_relativeSplatPath: true, v7_fetcherPersist: true, v7_normalizeFormMethod: true, v7_partialHydration: true, v7_skipActionErrorRevalidation: true } as const;

const router = createBrowserRouter(routes, { future: routerFuture });
const queryClient = makeQueryClient();

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} future={{ v7_startTransition: true }} />
    </QueryClientProvider>
  );
}
