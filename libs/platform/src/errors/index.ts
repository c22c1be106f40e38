export * from './body-parsing';
export * from './civil-date';
export * from './domain-errors';
export * from './input-guard.pipe';
export * from './integer-column';
export * from './problem';
export * from './problem.filter';
export * from './validation';
