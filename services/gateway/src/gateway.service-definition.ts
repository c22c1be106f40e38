import { ServiceDefinition } from '@sinergi/platform';
import { AuditEntry, AuditModule, CreateAuditEntries1733100000000 } from './audit';
import { GatewayConfig } from './gateway.config';
import { configureIdentity } from './identity/configure-identity';
import { IdentityModule } from './identity/identity.module';
import { CreateIdentity1733100000100 } from './migrations/1733100000100-create-identity';
import { CreateSignInCodes1732700000600 } from './migrations/1732700000600-create-sign-in-codes';
import { CreateReadModels1764680000000 } from './read-models/read-models.migration';
import { ReadModelsModule } from './read-models/read-models.module';
import { SchemasModule } from './schemas/schemas.module';
import { SignInCode, SignInCodeRequest } from './sign-in-codes/sign-in-code.entity';

export const gatewayService: ServiceDefinition<GatewayConfig> = {
  name: 'gateway',
  configClass: GatewayConfig,
  modules: [SchemasModule, IdentityModule, AuditModule, ReadModelsModule],
  entities: [AuditEntry, SignInCode, SignInCodeRequest],
  migrations: [CreateSignInCodes1732700000600, CreateAuditEntries1733100000000, CreateIdentity1733100000100, CreateReadModels1764680000000],
  consumesEvents: true,
  configureApp: (app) => configureIdentity(app),
};
