export * from './kafka-helpers';
export * from './test-database';
export * from './wait-for';
