export interface FieldError {
  /** dotted path to the offending field, e.g. `amountOre` or `plan.0.period` */
  path: string;
  /** why, in bokmål, for the user */
  message: string;
}

/**
 * A refused rule (HTTP 422) or, as its subclass `ValidationError`, bad input (HTTP 400).
 * `message` and `fields[].message` are bokmål, meant for users.
 */
export class DomainError extends Error {
  override readonly name: string = 'DomainError';
  constructor(
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }

  toJSON(): { code: string; message: string; fields: FieldError[] } {
    return { code: this.code, message: this.message, fields: this.fields };
  }
}

/** Input that does not have the right shape (a schema said no). */
export class ValidationError extends DomainError {
  override readonly name: string = 'ValidationError';
  constructor(message: string, fields: FieldError[], code = 'validation_failed') {
    super(code, message, fields);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

/** Throws a DomainError naming one field. */
export const refuse = (code: string, path: string, message: string): never => {
  throw new DomainError(code, message, [{ path, message }]);
};
