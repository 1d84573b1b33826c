import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getSession, startSession } from '../../lib/session';
import { renderAt, stubApi } from '../../test-utils';

describe('signing out from the app', () => {
  it('revokes the refresh token and shows the person signed out', async () => {
    startSession('access-1', 900, 'refresh-1');
    const calls = stubApi((call) => {
      if (call.url === '/stock/menu') return { status: 200, body: [] };
      if (call.url === '/users/me') return { status: 200, body: { id: 'u1', name: 'Ana Souza', email: 'ana@example.com', role: 'customer', createdAt: '2026-12-01T10:00:00Z' } };
      if (call.url === '/users/revoke') return { status: 200 };
      return undefined;
    });
    renderAt('/');
    await userEvent.click(await screen.findByRole('button', { name: 'Sair' }));
    expect(await screen.findByRole('link', { name: 'Entrar' })).toBeInTheDocument();
    expect(getSession()).toBeNull();
    await waitFor(() => expect(calls.filter((c) => c.url === '/users/revoke')).toHaveLength(1));
    expect(calls.find((c) => c.url === '/users/revoke')!.body).toEqual({ token: 'refresh-1' });
  });
});
