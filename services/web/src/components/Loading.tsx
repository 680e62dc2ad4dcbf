import type { ReactNode } from 'react';
import type { ApiError } from '../api';

/** A visible, announced loading state. */
export function Loading({ label = 'Laster …' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

export function LoadError({ error }: { error: ApiError }) {
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
