import { ServiceConfig, ServiceDefinition } from '@sinergi/platform';

export const venueCapacityService: ServiceDefinition = {
  name: 'venue-capacity',
  configClass: ServiceConfig,
  modules: () => [],
  entities: [],
  migrations: [],
  consumesEvents: false,
};
