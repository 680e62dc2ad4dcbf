import { useState, useSyncExternalStore } from 'react';
import { NavLink, Outlet } from 'react-router-dom';
import { currentUser, setCurrentUser, subscribeUser } from './api';

const links = [
  { to: '/prosjekter', label: 'Prosjekter' },
  { to: '/mine-gevinster', label: 'Mine gevinster' },
  { to: '/okonomi', label: 'Økonomi' },
  { to: '/ledelse', label: 'Målekort' },
  { to: '/enheter', label: 'Enheter' },
];

export function Layout() {
  return (
    <>
      <a className="skip-link" href="#innhold">Hopp til hovedinnhold</a>
      <header className="site-header">
        <div className="header-inner">
          <NavLink to="/" className="brand" end>
            <span aria-hidden="true" className="brand-mark">G</span> Gevinst
          </NavLink>
          <nav aria-label="Hovedmeny">
            <ul className="nav">
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to}>{link.label}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <UserBox />
        </div>
      </header>
      <main id="innhold" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>Gevinst – gevinstrealisering på tvers av enheter. Beløp i kroner, perioder i tertialer (T1 jan–apr, T2 mai–aug, T3 sep–des).</p>
      </footer>
    </>
  );
}

function UserBox() {
  const user = useSyncExternalStore(subscribeUser, currentUser);
  const [draft, setDraft] = useState(user);
  return (
    <form
      className="userbox"
      aria-label="Bruker"
      onSubmit={(event) => {
        event.preventDefault();
        setCurrentUser(draft);
      }}
    >
      <label htmlFor="bruker">Bruker (e-post)</label>
      <div className="userbox-row">
        <input id="bruker" type="email" autoComplete="email" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="navn@kommune.no" />
        <button type="submit" className="button small">Bruk</button>
      </div>
    </form>
  );
}
