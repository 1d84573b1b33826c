import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../../components/Alert';
import { Field } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { api } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { a, roles } from '../../../lib/messages';
import type { Role, User } from '../../../lib/types';
import { ADMIN, Pager, problemText } from '../common';

const PAGE = 20;
const ROLES = Object.keys(roles) as Role[];

/** Users by name or e-mail, and their role: how kitchen staff and other admins are made. */
export function UsersPage() {
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const users = useQuery({
    queryKey: [ADMIN, 'users', search, offset],
    queryFn: () => api.users(search, PAGE, offset),
    placeholderData: (previous) => previous,
  });
  return (
    <section aria-labelledby="users">
      <h2 id="users">{a.users}</h2>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(draft.trim());
          setOffset(0);
        }}
      >
        <Field label={a.searchUsers}>
          <input type="search" value={draft} maxLength={100} autoComplete="off" onChange={(e) => setDraft(e.target.value)} />
        </Field>
        <div className="filter-buttons">
          <button type="submit">{a.search}</button>
        </div>
      </form>
      {notice && <Alert kind="success">{notice}</Alert>}
      {users.isPending && <Loading />}
      {users.isError && <Alert kind="error">{problemText(users.error)}</Alert>}
      {users.data &&
        (users.data.items.length === 0 ? (
          <p>{a.noUsers}</p>
        ) : (
          <>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th>{a.name}</th>
                    <th>{a.role}</th>
                    <th>{a.since}</th>
                    <th>{a.makeRole}</th>
                    <th>
                      <span className="sr-only">{a.endSessions}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {users.data.items.map((u) => (
                    <tr key={u.id}>
                      <th scope="row">
                        {u.name} <small>{u.email}</small>
                      </th>
                      <td>{roles[u.role] ?? u.role}</td>
                      <td>{formatDateTime(u.createdAt)}</td>
                      <td>
                        <RoleForm user={u} onChanged={(changed) => setNotice(a.roleChanged(changed.name, roles[changed.role].toLowerCase()))} />
                      </td>
                      <td>
                        <EndSessions user={u} onEnded={() => setNotice(a.sessionsEnded(u.name))} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager offset={offset} limit={PAGE} total={users.data.total} shown={users.data.items.length} onOffset={setOffset} />
          </>
        ))}
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
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {roles[r]}
          </option>
        ))}
      </select>
      <button type="submit" disabled={change.isPending || role === user.role}>
        {a.makeRole}
      </button>
      {change.isError && (
        <span className="field-error" role="alert">
          {problemText(change.error, { 409: a.lastAdmin })}
        </span>
      )}
    </form>
  );
}

/** Ends every session of a person at once (a lost phone, a password seen by someone else). */
function EndSessions({ user, onEnded }: { user: User; onEnded: () => void }) {
  const end = useMutation({ mutationFn: () => api.endSessions(user.id), onSuccess: onEnded });
  return (
    <>
      <button
        type="button"
        className="danger"
        aria-label={a.endSessionsOf(user.name)}
        disabled={end.isPending}
        onClick={() => {
          if (window.confirm(a.endSessionsConfirm(user.name))) end.mutate();
        }}
      >
        {a.endSessions}
      </button>
      {end.isError && (
        <span className="field-error" role="alert">
          {problemText(end.error)}
        </span>
      )}
    </>
  );
}
