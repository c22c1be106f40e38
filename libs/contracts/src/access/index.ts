export * from './access-table';
export * from './roles';
export * from './internal-token';
