import { useLocation } from 'react-router-dom';
import { api } from '../api';

/** Link to the login, coming back to this page afterwards (a server route: plain navigation). */
export function LoginLink({ className }: { className?: string }) {
  const location = useLocation();
  return <a className={className} href={api.auth.login(`${location.pathname}${location.search}`)}>Logg inn</a>;
}

/** Said instead of an error when the server answered 401. */
export function NotLoggedIn() {
  return (
    <div className="alert alert-error" role="alert">
      <p>Du er ikke logget inn. <LoginLink /></p>
    </div>
  );
}
