export * from './achievement';
export * from './thresholds';
export * from './benefit-status';
export * from './portfolio';
