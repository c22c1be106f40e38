import { ServiceDefinition } from '@sinergi/platform';
import { GatewayConfig } from './gateway.config';
import { CreateReadModels1764680000000 } from './read-models/read-models.migration';
import { ReadModelsModule } from './read-models/read-models.module';
import { SchemasModule } from './schemas/schemas.module';

export const gatewayService: ServiceDefinition<GatewayConfig> = {
  name: 'gateway',
  configClass: GatewayConfig,
  modules: [SchemasModule, ReadModelsModule],
  entities: [],
  migrations: [CreateReadModels1764680000000],
  consumesEvents: true,
};
