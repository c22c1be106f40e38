export * from './health.controller';
export * from './migrations';
export * from './service';
export * from './service-config';
export * from './trace.middleware';
