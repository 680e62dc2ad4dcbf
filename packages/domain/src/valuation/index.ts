export * from './timeUnits';
export * from './rates';
export * from './value';
export * from '../costBenefit';
