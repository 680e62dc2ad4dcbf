import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, api, type Me } from '../api';

/**
 * Who is logged in, asked once per page load. `unknown`: the question failed for another reason than
 * 401 (network, 5xx) and the header stays quiet.
 */
export type MeState =
  | { state: 'loading' }
  | { state: 'anonymous' }
  | { state: 'unknown' }
  | { state: 'known'; me: Me };

const MeContext = createContext<MeState>({ state: 'loading' });

export function MeProvider({ children }: { children: ReactNode }) {
  const [value, setValue] = useState<MeState>({ state: 'loading' });
  useEffect(() => {
    let alive = true;
    api.me.get().then(
      (me) => alive && setValue({ state: 'known', me }),
      (error: unknown) => {
        if (!alive) return;
        const status = error instanceof ApiError ? error.status : 0;
        setValue({ state: status === 401 ? 'anonymous' : 'unknown' });
      },
    );
    return () => {
      alive = false;
    };
  }, []);
  return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
}

export const useMe = (): MeState => useContext(MeContext);

/** The logged-in person's e-mail, or '' when nobody is (known to be) logged in. */
export function useMyEmail(): string {
  const me = useMe();
  return me.state === 'known' ? me.me.email ?? '' : '';
}

/** Finance or the administrator: those who keep the installation's settings (the API decides; this only hides forms from others). */
export function useKeepsSettings(): boolean {
  const me = useMe();
  return me.state === 'known' && me.me.roles.some((r) => r.role === 'administrator' || r.role === 'finance');
}
