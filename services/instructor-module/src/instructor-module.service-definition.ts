import { ServiceConfig, ServiceDefinition } from '@sinergi/platform';

export const instructorModuleService: ServiceDefinition = {
  name: 'instructor-module',
  configClass: ServiceConfig,
  modules: () => [],
  entities: [],
  migrations: [],
  consumesEvents: false,
};
