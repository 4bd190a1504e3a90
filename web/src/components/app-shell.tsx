import type { ReactNode } from 'react';
import type { Me } from '../api-client';
import { Link, useLocation } from '../router';
import { Avatar } from './avatar';
import { Icon, type IconName } from './icon';

const NAV: { to: string; label: string; icon: IconName; matches: RegExp }[] = [
  { to: '/', label: 'Overview', icon: 'overview', matches: /^\/$/ },
  { to: '/metrics', label: 'Metrics', icon: 'metrics', matches: /^\/metrics(\/|$)/ },
  { to: '/frameworks', label: 'Frameworks', icon: 'funnel', matches: /^\/frameworks(\/|$)/ },
  { to: '/models', label: 'Engagement models', icon: 'models', matches: /^\/models(\/|$)/ },
  { to: '/accounts', label: 'Accounts', icon: 'accounts', matches: /^\/(accounts|contacts)(\/|$)/ },
  { to: '/segments', label: 'Segments', icon: 'in_person', matches: /^\/segments(\/|$)/ },
  { to: '/journeys', label: 'Journeys', icon: 'email', matches: /^\/journeys(\/|$)/ },
  { to: '/tasks', label: 'Tasks', icon: 'tasks', matches: /^\/tasks(\/|$)/ },
  { to: '/definitions', label: 'Definitions', icon: 'models', matches: /^\/definitions(\/|$)/ },
];

/** The frame around every page once logged in: sidebar with navigation and the user, content on the right. */
export function AppShell({ me, onLogOut, children }: { me: Me; onLogOut: () => void; children: ReactNode }) {
  const { pathname } = useLocation();
  const who = me.user?.name ?? me.user?.email ?? 'API token';
  return (
    <div className="shell">
      <aside className="sidebar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="14" height="14">
              <circle cx="12" cy="12" r="4" fill="currentColor" />
              <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" opacity="0.5" />
            </svg>
          </span>
          Touchpoint
        </Link>
        <div className="workspace">{me.workspaceId}</div>
        <nav className="nav" aria-label="Main">
          {NAV.map((item) => (
            <Link key={item.to} to={item.to} className={item.matches.test(pathname) ? 'nav-item active' : 'nav-item'} aria-current={item.matches.test(pathname) ? 'page' : undefined}>
              <Icon name={item.icon} />
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="sidebar-footer">
          <Avatar name={who} size={26} />
          <div className="me">
            <div className="me-name">{who}</div>
            {me.user?.name && <div className="me-email">{me.user.email}</div>}
          </div>
          <button type="button" className="icon-button" onClick={onLogOut} title="Log out" aria-label="Log out">
            <Icon name="logout" />
          </button>
        </div>
      </aside>
      <main className="content">{children}</main>
    </div>
  );
}
