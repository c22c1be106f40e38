import { ServiceConfig, ServiceDefinition } from '@sinergi/platform';

export const gatewayService: ServiceDefinition<ServiceConfig> = {
  name: 'gateway',
  configClass: ServiceConfig,
  modules: [],
  entities: [],
  migrations: [],
  consumesEvents: false,
};
