import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt } from '../../../test-utils';
import { asStaff, page } from '../testing';

const joana = { id: 'u-joana', name: 'Joana Lima', email: 'joana@example.com', role: 'customer', createdAt: '2026-11-20T15:00:00Z' };
const rita = { id: 'u-rita', name: 'Rita Souza', email: 'rita@forno.test', role: 'admin', createdAt: '2026-11-01T12:00:00Z' };

describe('users and roles', () => {
  it('finds a person and makes them kitchen staff', async () => {
    const calls = asStaff('admin', (call) => {
      if (call.url.startsWith('/users?')) return page(call.url.includes('query=joana') ? [joana] : [joana, rita]);
      if (call.url === '/users/u-joana/role') return { status: 200, body: { ...joana, role: (call.body as { role: string }).role } };
      return undefined;
    });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderAt('/admin/usuarios');
    await screen.findByRole('row', { name: /Rita Souza/ });
    await userEvent.type(screen.getByLabelText('Nome ou e-mail'), 'joana');
    await userEvent.click(screen.getByRole('button', { name: 'Buscar' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /Rita Souza/ })).toBeNull());
    const row = screen.getByRole('row', { name: /Joana Lima/ });
    await userEvent.selectOptions(within(row).getByLabelText('Papel de Joana Lima'), 'kitchen');
    await userEvent.click(within(row).getByRole('button', { name: 'Alterar papel' }));
    expect(await screen.findByText('Joana Lima agora é cozinha.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PUT').map((c) => [c.url, c.body])).toEqual([['/users/u-joana/role', { role: 'kitchen' }]]);
    expect(calls.map((c) => c.url)).toContain('/users?query=joana&limit=20&offset=0');
  });

  it("ends a person's sessions everywhere", async () => {
    const calls = asStaff('admin', (call) => {
      if (call.url.startsWith('/users?')) return page([joana]);
      if (call.url === '/users/u-joana/sessions') return { status: 204, body: undefined };
      return undefined;
    });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderAt('/admin/usuarios');
    const row = await screen.findByRole('row', { name: /Joana Lima/ });
    await userEvent.click(within(row).getByRole('button', { name: 'Encerrar as sessões de Joana Lima' }));
    expect(await screen.findByText(/As sessões de Joana Lima foram encerradas/)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual(['/users/u-joana/sessions']);
  });

  it('says why the last admin cannot stop being one (409)', async () => {
    asStaff('admin', (call) => {
      if (call.url.startsWith('/users?')) return page([rita]);
      if (call.url === '/users/u-rita/role') return { status: 409, body: { status: 409, title: 'Conflict', detail: 'The last admin cannot stop being one' } };
      return undefined;
    });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderAt('/admin/usuarios');
    const row = await screen.findByRole('row', { name: /Rita Souza/ });
    await userEvent.selectOptions(within(row).getByLabelText('Papel de Rita Souza'), 'customer');
    await userEvent.click(within(row).getByRole('button', { name: 'Alterar papel' }));
    expect(await within(row).findByRole('alert')).toHaveTextContent('Esta é a última conta de administração');
  });
});
