export * from './orgNumber';
export * from './email';
