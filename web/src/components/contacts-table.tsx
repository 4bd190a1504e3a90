import { useState } from 'react';
import type { AccountContact } from '../api-client';
import { Link } from '../router';
import { Avatar } from './avatar';
import { Empty } from './page-states';

const FIRST_ROWS = 8;

/** The people of an account; long lists show the first few until asked for all. */
export function ContactsTable({ contacts }: { contacts: AccountContact[] }) {
  const [all, setAll] = useState(false);
  if (contacts.length === 0) return <Empty title="No contacts yet">People join an account when an identify or group call names them.</Empty>;
  const shown = all ? contacts : contacts.slice(0, FIRST_ROWS);
  return (
    <>
      <table className="table" aria-label="Contacts">
        <thead>
          <tr>
            <th>Name</th>
            <th>E-mail</th>
            <th>Title</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((contact) => {
            const { userId } = contact;
            const name = contact.name ?? contact.email ?? userId ?? contact.id;
            return (
              <tr key={contact.id}>
                <td>
                  {userId ? (
                    <Link to={`/contacts/${encodeURIComponent(userId)}`} className="entity">
                      <Avatar name={name} size={24} />
                      <span className="entity-name">{name}</span>
                    </Link>
                  ) : (
                    <span className="entity">
                      <Avatar name={name} size={24} />
                      <span className="entity-name">{name}</span>
                    </span>
                  )}
                </td>
                <td className="muted">{contact.email ?? '—'}</td>
                <td>{contact.title ?? <span className="muted">—</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {contacts.length > FIRST_ROWS && (
        <div className="table-footer">
          <button type="button" className="link-button" onClick={() => setAll(!all)}>
            {all ? 'Show fewer' : `Show all ${contacts.length} contacts`}
          </button>
        </div>
      )}
    </>
  );
}
