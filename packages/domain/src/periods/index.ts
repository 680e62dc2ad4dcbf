export * from './period';
export * from './errors';
export * from './parse';
export * from './format';
export * from './calendar';
export * from './span';
