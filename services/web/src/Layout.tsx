import { NavLink, Outlet } from 'react-router-dom';
import { api } from './api';
import { LoginLink } from './components/Login';
import { roleText } from './format/labels';
import { MeProvider, useMe } from './hooks/useMe';

const links = [
  { to: '/prosjekter', label: 'Prosjekter' },
  { to: '/mine-gevinster', label: 'Mine gevinster' },
  { to: '/okonomi', label: 'Økonomi' },
  { to: '/ledelse', label: 'Målekort' },
  { to: '/mal', label: 'Mål' },
  { to: '/arshjul', label: 'Årshjul' },
  { to: '/enheter', label: 'Enheter' },
  { to: '/kost-nytte', label: 'Kost/nytte' },
  { to: '/rapporter/tertial', label: 'Tertialrapport' },
];

export function Layout() {
  return (
    <MeProvider>
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
    </MeProvider>
  );
}

/** Who is logged in and in which roles, with the way out; the way in when nobody is; nothing on a server without login. */
function UserBox() {
  const me = useMe();
  if (me.state === 'anonymous') {
    return (
      <div className="userbox">
        <LoginLink className="button small" />
      </div>
    );
  }
  if (me.state !== 'known') return <div className="userbox" />;
  const { name, email, roles } = me.me;
  return (
    <section className="userbox" aria-label="Innlogget bruker">
      <p className="userbox-name"><strong>{name}</strong>{email && email !== name && <> <span className="userbox-email">{email}</span></>}</p>
      {roles.length > 0 ? (
        <ul className="userbox-roles" aria-label="Roller">
          {roles.map((r) => <li key={`${r.role}-${r.unitId ?? ''}`}>{roleText(r.role, r.unitName)}</li>)}
        </ul>
      ) : <p className="userbox-roles">Ingen roller</p>}
      <form method="post" action={api.auth.logout}>
        <button type="submit" className="button small">Logg ut</button>
      </form>
    </section>
  );
}
