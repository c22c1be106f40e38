export * from './health.controller';
export * from './migrations';
export * from './polling-timer';
export * from './service';
export * from './service-config';
export * from './trace.middleware';
export * from './errors';
