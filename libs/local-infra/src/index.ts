export { type LocalKafka, ensureKafka, KAFKA_JARS_DIRECTORY, stopKafkaFromPidFile } from './kafka';
export { type LocalPostgres, ensureDatabase, ensurePostgres, stopPostgresFromPidFile } from './postgres';
export * from './build';
export * from './services';
export * from './service-pids';
export * from './secrets';
export * from './sinks';
export * from './kafka-credentials';
export * from './local-accounts';
