export * from './envelope';
export * from './topics';
export * from './catalog';
export * from './events/agreement-signed';
export * from './asyncapi';
