import { ServiceConfig, ServiceDefinition } from '@sinergi/platform';

export const gatewayService: ServiceDefinition = {
  name: 'gateway',
  configClass: ServiceConfig,
  modules: () => [],
  entities: [],
  migrations: [],
  consumesEvents: false,
};
