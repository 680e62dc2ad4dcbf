export * from './ore';
export * from './format';
export * from './arithmetic';
