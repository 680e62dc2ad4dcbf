export * from './DomainError';
export * from './fromZod';
