export * from './types';
export { ApiError, query } from './client';
export * as api from './endpoints';
