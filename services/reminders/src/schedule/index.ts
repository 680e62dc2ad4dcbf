export * from './state';
export * from './evolve';
export * from './obligations';
export * from './reminders';
export * from './dueList';
export * from './ids';
export * from './timing';
