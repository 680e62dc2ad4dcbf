export * from './facts';
export * from './evolve';
export * from './tree';
export * from './span-filter';
export * from './flows';
export * from './compute';
export * from './trace';
export * from './withdrawals';
