export * from './obligations';
export * from './defaults';
export * from './wheel';
export * from './missing';
