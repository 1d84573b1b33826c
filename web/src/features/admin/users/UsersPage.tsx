import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, InlineError } from '../../../components/Alert';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Field } from '../../../components/Field';
import { Options } from '../../../components/Options';
import { Table } from '../../../components/Table';
import { api } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { a, roles } from '../../../lib/messages';
import type { Role, User } from '../../../lib/types';
import { ADMIN, Pager, problemText, QueryView, SearchForm, useConsoleQuery } from '../common';

const PAGE = 20;
const ROLES = Object.keys(roles) as Role[];

/** Users by name or e-mail, and their role: how kitchen staff and other admins are made. */
export function UsersPage() {
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const users = useConsoleQuery(['users', search, offset], () => api.users(search, PAGE, offset), { keepPrevious: true });
  return (
    <section aria-labelledby="users">
      <h2 id="users">{a.users}</h2>
      <SearchForm
        onSearch={() => {
          setSearch(draft.trim());
          setOffset(0);
        }}
      >
        <Field label={a.searchUsers}>
          <input type="search" value={draft} maxLength={100} autoComplete="off" onChange={(e) => setDraft(e.target.value)} />
        </Field>
      </SearchForm>
      {notice && <Alert kind="success">{notice}</Alert>}
      <QueryView query={users} isEmpty={(found) => found.items.length === 0} empty={<p>{a.noUsers}</p>}>
        {(found) => (
          <>
            <Table
              head={[a.name, a.role, a.since, a.makeRole, <span className="sr-only">{a.endSessions}</span>]}
              rows={found.items}
              rowKey={(u) => u.id}
              rowHeader
              cells={(u) => [
                <>
                  {u.name} <small>{u.email}</small>
                </>,
                roles[u.role] ?? u.role,
                formatDateTime(u.createdAt),
                <RoleForm user={u} onChanged={(changed) => setNotice(a.roleChanged(changed.name, roles[changed.role].toLowerCase()))} />,
                <EndSessions user={u} onEnded={() => setNotice(a.sessionsEnded(u.name))} />,
              ]}
            />
            <Pager offset={offset} limit={PAGE} total={found.total} shown={found.items.length} onOffset={setOffset} />
          </>
        )}
      </QueryView>
    </section>
  );
}

function RoleForm({ user, onChanged }: { user: User; onChanged: (user: User) => void }) {
  const client = useQueryClient();
  const [role, setRole] = useState<Role>(user.role);
  const change = useMutation({
    mutationFn: () => api.changeRole(user.id, role),
    onSuccess: (changed) => {
      onChanged(changed);
      client.invalidateQueries({ queryKey: [ADMIN, 'users'] });
    },
  });
  return (
    <form
      className="inline"
      onSubmit={(e) => {
        e.preventDefault();
        if (role !== user.role && window.confirm(a.roleConfirm(user.name, roles[role].toLowerCase()))) change.mutate();
      }}
    >
      <select aria-label={a.roleOf(user.name)} value={role} onChange={(e) => setRole(e.target.value as Role)}>
        <Options values={ROLES} labels={roles} />
      </select>
      <button type="submit" disabled={change.isPending || role === user.role}>
        {a.makeRole}
      </button>
      <InlineError>{change.isError && problemText(change.error, { 409: a.lastAdmin })}</InlineError>
    </form>
  );
}

/** Ends every session of a person at once (a lost phone, a password seen by someone else). */
function EndSessions({ user, onEnded }: { user: User; onEnded: () => void }) {
  const end = useMutation({ mutationFn: () => api.endSessions(user.id), onSuccess: onEnded });
  return (
    <>
      <ConfirmButton question={a.endSessionsConfirm(user.name)} onConfirm={() => end.mutate()} busy={end.isPending} danger label={a.endSessionsOf(user.name)}>
        {a.endSessions}
      </ConfirmButton>
      <InlineError>{end.isError && problemText(end.error)}</InlineError>
    </>
  );
}
