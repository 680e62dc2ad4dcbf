export * from './orgNumber';
export * from './email';
export * from './text';
