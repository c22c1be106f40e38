export * from './envelopes';
export * from './fixtures';
export * from './kafka-helpers';
export * from './service-under-test';
export * from './test-database';
export * from './wait-for';
export * from './service-harness';
export * from './secrets';
