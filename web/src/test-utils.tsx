import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { makeQueryClient, routerFuture, routes } from './app/App';

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (call: Call) => { status: number; body?: unknown } | undefined;

/** fetch answering from `handler` (404 problem otherwise), recording every call. */
export function stubApi(handler: Handler) {
  const calls: Call[] = [];
  const fetchStub = vi.fn(async (url: string, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    const form = headers['Content-Type'] === 'application/x-www-form-urlencoded';
    const call: Call = {
      method: init.method ?? 'GET',
      url,
      headers,
      body: !init.body ? undefined : form ? Object.fromEntries(new URLSearchParams(init.body as string)) : JSON.parse(init.body as string),
    };
    calls.push(call);
    const answer = handler(call) ?? { status: 404, body: { status: 404, title: 'Not Found' } };
    const problem = answer.status >= 400;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': problem ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchStub);
  return calls;
}

export function renderAt(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path], future: routerFuture });
  const client = makeQueryClient();
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } });
  return { router, ...render(<QueryClientProvider client={client}><RouterProvider router={router} future={{ v7_startTransition: true }} /></QueryClientProvider>) };
}
