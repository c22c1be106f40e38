import { ServiceConfig, ServiceDefinition } from '@sinergi/platform';
import { SchemasModule } from './schemas/schemas.module';

export const gatewayService: ServiceDefinition<ServiceConfig> = {
  name: 'gateway',
  configClass: ServiceConfig,
  modules: [SchemasModule],
  entities: [],
  migrations: [],
  consumesEvents: false,
};
