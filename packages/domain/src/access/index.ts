export * from './policy';
export * from './table';
