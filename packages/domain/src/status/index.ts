export * from './achievement';
export * from './thresholds';
export * from './due';
export * from './benefit-status';
export * from './portfolio';
export * from './risk';
export * from './goal-verdict';
