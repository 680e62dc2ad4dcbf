export * from './types';
export { ApiError, query } from './client';
export { currentUser, setCurrentUser, subscribeUser } from './user';
export * as api from './endpoints';
