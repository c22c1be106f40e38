export * from './access.guard';
export * from './caller';
export * from './internal-token';
