/**
 * Runs synchronous work for an interface that answers a promise: its error rejects the promise
 * instead of being thrown at the caller, as it would from an `async` function.
 */
export const promised = <T>(work: () => T): Promise<T> => new Promise<T>((resolve) => resolve(work()));
