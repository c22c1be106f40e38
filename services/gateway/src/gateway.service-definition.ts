import { ServiceDefinition } from '@sinergi/platform';
import { AuditEntry, AuditModule, CreateAuditEntries1733100000000 } from './audit';
import { GatewayConfig } from './gateway.config';
import { SchemasModule } from './schemas/schemas.module';

export const gatewayService: ServiceDefinition<GatewayConfig> = {
  name: 'gateway',
  configClass: GatewayConfig,
  modules: [SchemasModule, AuditModule],
  entities: [AuditEntry],
  migrations: [CreateAuditEntries1733100000000],
  consumesEvents: false,
};
