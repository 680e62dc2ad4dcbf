export * from './errors';
export * from './validation';
export * from './events';
export * from './periods';
export * from './money';
export * from './deciders';
export * from './ledger';
export * from './status';
