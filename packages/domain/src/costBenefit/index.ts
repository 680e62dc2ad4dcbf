export * from './exact';
export * from './analysis';
export * from './settings';
export * from './report';
export * from './decider';
export * from './fromEvents';
