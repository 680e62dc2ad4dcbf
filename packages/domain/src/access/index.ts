export * from './policy';
export * from './table';
export * from '../tenancy';
