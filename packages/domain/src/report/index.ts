export * from './model';
export * from './build';
export * from './format';
export * from './costBenefit';
