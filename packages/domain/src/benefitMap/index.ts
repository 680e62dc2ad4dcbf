export * from './graph';
export * from './analysis';
