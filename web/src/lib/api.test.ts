import { getCart, saveCart } from '../features/cart/store';
import { api, ApiError, signOut } from './api';
import { getSession, sessionExpired, startSession } from './session';
import type { User } from './types';

interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Record<string, string> | undefined;
}
type Answer = { status: number; body?: unknown };

const me: User = { id: 'u1', name: 'Ana Souza', email: 'ana@example.com', role: 'customer', createdAt: '2026-12-01T10:00:00Z' };
const unauthorized: Answer = { status: 401, body: { status: 401, title: 'Unauthorized' } };

/**
 * The users service as the client sees it: one valid access token, one current refresh token that rotates on use
 * (a used or unknown one is an invalid_grant), revocation; /users/me and /orders answer only the valid access token.
 * `hold` keeps the token endpoint's answer back until it settles.
 */
function server(hold?: Promise<void>) {
  const state = { access: 'access-1', refresh: 'refresh-1', issued: 1, revoked: [] as string[], tokenAnswer: undefined as Answer | undefined };
  const calls: Call[] = [];
  const fetchStub = vi.fn(async (url: string, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    const body = !init.body
      ? undefined
      : headers['Content-Type'] === 'application/x-www-form-urlencoded'
        ? Object.fromEntries(new URLSearchParams(init.body as string))
        : (JSON.parse(init.body as string) as Record<string, string>);
    const call: Call = { method: init.method ?? 'GET', url, headers, body };
    calls.push(call);
    const answer = await answerTo(call);
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': answer.status >= 400 && url !== '/users/token' ? 'application/problem+json' : 'application/json' },
    });
  });
  async function answerTo(call: Call): Promise<Answer> {
    const authorized = call.headers.Authorization === `Bearer ${state.access}`;
    switch (call.url) {
      case '/users/token': {
        if (hold) await hold;
        if (state.tokenAnswer) return state.tokenAnswer;
        if (call.body?.grant_type !== 'refresh_token' || call.body.refresh_token !== state.refresh) {
          return { status: 400, body: { error: 'invalid_grant', error_description: 'The refresh token is not known.' } };
        }
        state.issued++;
        state.access = `access-${state.issued}`;
        state.refresh = `refresh-${state.issued}`;
        return { status: 200, body: { access_token: state.access, token_type: 'Bearer', expires_in: 900, refresh_token: state.refresh } };
      }
      case '/users/revoke':
        state.revoked.push(call.body!.token!);
        return { status: 200 };
      case '/users/me':
        return authorized ? { status: 200, body: me } : unauthorized;
      case '/orders?limit=20&offset=0':
        return authorized ? { status: 200, body: { items: [], total: 0, limit: 20, offset: 0 } } : unauthorized;
      default:
        return { status: 404, body: { status: 404, title: 'Not Found' } };
    }
  }
  vi.stubGlobal('fetch', fetchStub);
  const to = (url: string) => calls.filter((c) => c.url === url);
  return { state, calls, to };
}

function held() {
  let release!: () => void;
  const hold = new Promise<void>((resolve) => (release = resolve));
  return { hold, release };
}

const stored = () => JSON.parse(localStorage.getItem('pizzeria.session')!) as Record<string, unknown>;

describe('keeping the session with refresh tokens', () => {
  it('renews the access token on a 401 and sends the request once more, keeping the rotated refresh token', async () => {
    startSession('access-1', 900, 'refresh-1');
    const startedAt = getSession()!.startedAt;
    const { state, calls } = server();
    state.access = 'access-x'; // the server no longer takes access-1 (ended early, or its clock is ahead)

    await expect(api.me()).resolves.toEqual(me);

    expect(calls.map((c) => `${c.method} ${c.url} ${c.headers.Authorization ?? ''}`.trim())).toEqual([
      'GET /users/me Bearer access-1',
      'POST /users/token',
      'GET /users/me Bearer access-2',
    ]);
    expect(calls[1]!.body).toEqual({ grant_type: 'refresh_token', refresh_token: 'refresh-1' });
    expect(calls[1]!.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
    expect(getSession()).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2', startedAt });
    expect(stored()).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
    expect(sessionExpired()).toBe(false);
  });

  it('presents the rotated refresh token the next time, never the used one', async () => {
    startSession('access-1', 900, 'refresh-1');
    const { state, to } = server();
    state.access = 'access-x';
    await api.me();
    state.access = 'access-y';
    await expect(api.me()).resolves.toEqual(me);
    expect(to('/users/token').map((c) => c.body!.refresh_token)).toEqual(['refresh-1', 'refresh-2']);
    expect(getSession()).toMatchObject({ accessToken: 'access-3', refreshToken: 'refresh-3' });
  });

  it('renews an access token that is over before sending it, without a 401 first', async () => {
    startSession('access-1', 900, 'refresh-1', Date.now() - 900_000);
    const { calls } = server();
    await expect(api.me()).resolves.toEqual(me);
    expect(calls.map((c) => `${c.url} ${c.headers.Authorization ?? ''}`.trim())).toEqual(['/users/token', '/users/me Bearer access-2']);
  });

  it('shares one refresh among concurrent requests that got a 401', async () => {
    startSession('access-1', 900, 'refresh-1');
    const { hold, release } = held();
    const { state, calls, to } = server(hold);
    state.access = 'access-x';

    const both = Promise.all([api.me(), api.orders()]);
    await vi.waitFor(() => expect(calls.filter((c) => c.headers.Authorization === 'Bearer access-1')).toHaveLength(2));
    await vi.waitFor(() => expect(to('/users/token')).toHaveLength(1));
    release();
    const [who, orders] = await both;

    expect(who).toEqual(me);
    expect(orders.total).toBe(0);
    expect(to('/users/token')).toHaveLength(1);
    expect(calls.filter((c) => c.headers.Authorization === 'Bearer access-2').map((c) => c.url).sort())
      .toEqual(['/orders?limit=20&offset=0', '/users/me']);
    expect(getSession()).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
  });

  it('uses the tokens another tab has already renewed instead of presenting the used refresh token', async () => {
    startSession('access-1', 900, 'refresh-1');
    const startedAt = getSession()!.startedAt;
    const { state, calls, to } = server();
    // another tab refreshed: the server moved on, and the shared storage holds its new tokens; this tab has not
    // heard of it yet (its storage event is still to come) and sends access-1
    state.access = 'access-2';
    state.refresh = 'refresh-2';
    localStorage.setItem('pizzeria.session', JSON.stringify({ accessToken: 'access-2', expiresAt: Date.now() + 890_000, refreshToken: 'refresh-2', startedAt }));

    await expect(api.me()).resolves.toEqual(me);
    expect(to('/users/token')).toHaveLength(0);
    expect(calls.map((c) => c.headers.Authorization)).toEqual(['Bearer access-1', 'Bearer access-2']);

    // and once the storage event arrives, the next request sends the new token straight away
    state.access = 'access-3';
    state.refresh = 'refresh-3';
    localStorage.setItem('pizzeria.session', JSON.stringify({ accessToken: 'access-3', expiresAt: Date.now() + 890_000, refreshToken: 'refresh-3', startedAt }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'pizzeria.session' }));
    await api.me();
    expect(calls.at(-1)!.headers.Authorization).toBe('Bearer access-3');
    expect(to('/users/token')).toHaveLength(0);
  });

  it('refreshes under a lock the tabs share, and reads storage again once it has it', async () => {
    // a lock manager as the browser's Web Locks: one holder at a time, the others wait their turn
    let tail: Promise<unknown> = Promise.resolve();
    const request = vi.fn((_name: string, task: () => Promise<unknown>) => {
      const run = tail.then(() => task());
      tail = run.catch(() => undefined);
      return run;
    });
    Object.defineProperty(navigator, 'locks', { value: { request }, configurable: true });
    try {
      startSession('access-1', 900, 'refresh-1');
      const startedAt = getSession()!.startedAt;
      const { state, calls, to } = server();
      // another tab holds the lock and is refreshing: it rotates refresh-1 and stores the result, then lets go
      const { hold, release } = held();
      const otherTab = request('pizzeria.session.refresh', async () => {
        await hold;
        state.access = 'access-2';
        state.refresh = 'refresh-2';
        localStorage.setItem('pizzeria.session', JSON.stringify({ accessToken: 'access-2', expiresAt: Date.now() + 890_000, refreshToken: 'refresh-2', startedAt }));
      });
      state.access = 'access-x';

      const answer = api.me();
      await vi.waitFor(() => expect(request).toHaveBeenCalledTimes(2));
      expect(request.mock.calls[1]![0]).toBe('pizzeria.session.refresh');
      release();
      await otherTab;

      await expect(answer).resolves.toEqual(me);
      expect(to('/users/token')).toHaveLength(0); // refresh-1, already used, was never presented again
      expect(calls.at(-1)!.headers.Authorization).toBe('Bearer access-2');
    } finally {
      Reflect.deleteProperty(navigator, 'locks');
    }
  });

  it('ends the session as expired when the refresh token is refused, and keeps the cart', async () => {
    startSession('access-1', 900, 'refresh-1');
    saveCart([{ productId: 'p1', name: 'Margherita', unitPriceCents: 4590, quantity: 2 }]);
    const { state, to } = server();
    state.access = 'access-x';
    state.refresh = 'refresh-other'; // refresh-1 was revoked, or already used

    const failure = await api.me().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(401);
    expect(to('/users/token')).toHaveLength(1);
    expect(to('/users/me')).toHaveLength(1); // not sent again
    expect(getSession()).toBeNull();
    expect(sessionExpired()).toBe(true);
    expect(localStorage.getItem('pizzeria.session')).toBeNull();
    expect(getCart()).toHaveLength(1);
  });

  it('keeps the session when the refresh could not be made (the service unavailable)', async () => {
    startSession('access-1', 900, 'refresh-1');
    const { state } = server();
    state.access = 'access-x';
    state.tokenAnswer = { status: 503, body: { status: 503, title: 'Service Unavailable' } };

    await expect(api.me()).rejects.toMatchObject({ status: 503 });
    expect(getSession()).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    expect(sessionExpired()).toBe(false);
  });

  it('expires a session without a refresh token on a 401, as before', async () => {
    startSession('access-1', 900);
    const { state, to } = server();
    state.access = 'access-x';
    await expect(api.me()).rejects.toMatchObject({ status: 401 });
    expect(to('/users/token')).toHaveLength(0);
    expect(sessionExpired()).toBe(true);
  });
});

describe('signing out', () => {
  it('revokes the refresh token and clears the session', async () => {
    startSession('access-1', 900, 'refresh-1');
    const { state, to } = server();

    await signOut();

    expect(to('/users/revoke')).toHaveLength(1);
    const revoke = to('/users/revoke')[0]!;
    expect(revoke.method).toBe('POST');
    expect(revoke.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
    expect(revoke.headers.Authorization).toBeUndefined();
    expect(state.revoked).toEqual(['refresh-1']);
    expect(getSession()).toBeNull();
    expect(localStorage.getItem('pizzeria.session')).toBeNull();
    expect(sessionExpired()).toBe(false);
  });

  it('clears the session even when the revocation cannot be sent', async () => {
    startSession('access-1', 900, 'refresh-1');
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(signOut()).resolves.toBeUndefined();
    expect(getSession()).toBeNull();
  });

  it('does not bring the session back when a refresh under way ends after signing out', async () => {
    startSession('access-1', 900, 'refresh-1');
    const { hold, release } = held();
    const { state, to } = server(hold);
    state.access = 'access-x';

    const request = api.me().catch((e: unknown) => e);
    await vi.waitFor(() => expect(to('/users/token')).toHaveLength(1));
    await signOut();
    release();
    expect(await request).toBeInstanceOf(ApiError);

    expect(getSession()).toBeNull();
    expect(localStorage.getItem('pizzeria.session')).toBeNull();
    await vi.waitFor(() => expect(state.revoked).toEqual(['refresh-1', 'refresh-2']));
  });
});
