import type { SiteView, UserView } from '../../../shared/schemas/accounts';
import { Badge } from '../../ui/Badge';
import { roleLabel } from '../../ui/format';

function UserStatus({ user, now }: { user: UserView; now: number }) {
  if (user.disabled) return <Badge tone="danger">Disabled</Badge>;
  if (user.lockedUntil !== null && user.lockedUntil > now) return <Badge tone="warning">Locked</Badge>;
  return <Badge tone="good">Active</Badge>;
}

/** Everyone at every site, in-house and partner alike. */
export function UsersTable({ users, sites, now }: { users: UserView[]; sites: Map<string, SiteView>; now: number }) {
  return (
    <div className="table-wrap admin-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Username</th>
            <th scope="col">Role</th>
            <th scope="col">Site</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.displayName}</td>
              <td className="nowrap mono">{user.username}</td>
              <td>{roleLabel(user.role)}</td>
              <td>{sites.get(user.siteId)?.name ?? user.siteId}</td>
              <td>
                <UserStatus user={user} now={now} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
