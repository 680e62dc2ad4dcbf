import { NotFoundError } from '../../application/errors';

/** the value, or 404 naming what was looked for (in bokmål: `prosjektet`, `gevinsten`, `enheten`) */
export const found = <T>(value: T | undefined, what: string, id: string): T => {
  if (value === undefined) throw new NotFoundError(what, id);
  return value;
};
