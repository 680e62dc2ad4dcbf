/** A period that cannot be read or does not exist. `field` names the input, `message` is bokmål. */
export class InvalidPeriodError extends Error {
  readonly code = 'invalid_period';
  constructor(
    readonly field: string,
    message: string,
    readonly input?: unknown,
  ) {
    super(message);
    this.name = 'InvalidPeriodError';
  }
}
