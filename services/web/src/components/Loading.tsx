import type { ReactNode } from 'react';
import type { ApiError } from '../api';
import { NotLoggedIn } from './Login';

/** A visible, announced loading state. */
export function Loading({ label = 'Laster …' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

/** The page's error box: not logged in (401) with a way to log in; otherwise the server's own words (403: why not). */
export function LoadError({ error }: { error: ApiError }) {
  if (error.status === 401) return <NotLoggedIn />;
  return (
    <div className="alert alert-error" role="alert">
      <p>{error.status === 404 ? 'Fant ikke det du lette etter.' : error.message}</p>
    </div>
  );
}

/** Wraps content that loads: aria-busy while loading, the spinner on first load, the error if any. */
export function Busy({ loading, error, hasData, children, label }: { loading: boolean; error?: ApiError; hasData: boolean; children: ReactNode; label?: string }) {
  return (
    <div aria-busy={loading} className="busy">
      {loading && <Loading label={label} />}
      {error && !loading && <LoadError error={error} />}
      {hasData && children}
    </div>
  );
}
