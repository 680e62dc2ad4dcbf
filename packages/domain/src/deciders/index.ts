export * from './decider';
export * from './context';
export * from './units';
export * from './projects';
export * from './benefits';
export * from './settlements';
export * from './reminders';
export { osloDate } from './rules';
export * from './access';
