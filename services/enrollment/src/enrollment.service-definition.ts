import { ServiceConfig, ServiceDefinition } from '@sinergi/platform';

export const enrollmentService: ServiceDefinition = {
  name: 'enrollment',
  configClass: ServiceConfig,
  modules: () => [],
  entities: [],
  migrations: [],
  consumesEvents: false,
};
