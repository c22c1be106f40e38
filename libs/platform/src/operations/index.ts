export * from './dead-letters.query';
export * from './service-operations';
export * from './service-operations.controller';
export * from './service-operations.module';
