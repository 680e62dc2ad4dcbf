export * from './handle';
export * from './errors';
export * from './spec';
export * from './inputs';
export { commands } from './commands/index';
export { IdempotencyStore } from './idempotency';
