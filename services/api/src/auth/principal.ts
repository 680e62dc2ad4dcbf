import type { Request } from 'express';

/**
 * The authenticated person behind a request. `id` is the key roles, owners and leaders use: the
 * person's e-mail address in lower case (Entra ID: `email`, else `preferred_username`); the
 * bootstrap token acts as `admin`. `subject` is the issuer's `sub`, kept for the audit.
 */
export interface Principal {
  id: string;
  subject: string;
  name: string;
  email: string | null;
  /** group claims from the issuer (mapped to roles by configuration) */
  groups: string[];
  /** how the request proved who it is */
  via: 'session' | 'bearer' | 'admin-token';
}

const PRINCIPAL = Symbol('gevinst.principal');

export const setPrincipal = (req: Request, principal: Principal): void => {
  (req as unknown as Record<symbol, Principal>)[PRINCIPAL] = principal;
};

/** The person behind the request, or undefined when it is anonymous. */
export const principalOf = (req: Request): Principal | undefined => (req as unknown as Record<symbol, Principal | undefined>)[PRINCIPAL];
