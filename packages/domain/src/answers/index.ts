/** The HTTP answers, each defined once as a zod schema; their TypeScript types are inferred from it. */
export * from './primitives';
export * from './common';
export * from './units';
export * from './projects';
export * from './ledger';
export * from './portfolio';
export * from './access';
export * from './imports';
export * from './history';
export * from './overlaps';
export * from './actions';
export * from './benefitMap';
export * from './goals';
export * from './valuation';
export * from '../report/model';
export * from './calendar';
