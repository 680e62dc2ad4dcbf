/** An amount of money in øre (1/100 krone): always a safe integer, never a float. */
export type Ore = number;

/** Money that cannot be stored: not an integer, not finite, or out of range. `message` is bokmål. */
export class InvalidAmountError extends Error {
  readonly code = 'invalid_amount';
  constructor(
    readonly field: string,
    message: string,
    readonly input?: unknown,
  ) {
    super(message);
    this.name = 'InvalidAmountError';
  }
}

export function isOre(value: unknown): value is Ore {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Checks an amount in øre and returns it; `min` 0 refuses negatives, 1 refuses zero too. */
export function assertOre(value: unknown, field = 'amountOre', options: { min?: number } = {}): Ore {
  if (!isOre(value)) {
    throw new InvalidAmountError(field, 'Beløpet må være et helt antall øre', value);
  }
  if (options.min !== undefined && value < options.min) {
    const what = options.min > 0 ? 'større enn null' : 'null eller mer';
    throw new InvalidAmountError(field, `Beløpet må være ${what}`, value);
  }
  return value;
}
