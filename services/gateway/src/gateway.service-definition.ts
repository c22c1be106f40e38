import { ServiceDefinition } from '@sinergi/platform';
import { OidcAccessTokenVerifier } from './access-tokens/oidc-access-token-verifier';
import { ApiModule } from './api/api.module';
import { configureGatewayApp } from './api/configure-app';
import { GatewayConfig } from './gateway.config';
import { IdempotencyRecord } from './idempotency/idempotency-record.entity';
import { CreateIdempotencyRecords1733100000000 } from './migrations/1733100000000-create-idempotency-records';
import { SchemasModule } from './schemas/schemas.module';

export const gatewayService: ServiceDefinition<GatewayConfig> = {
  name: 'gateway',
  configClass: GatewayConfig,
  modules: [SchemasModule, ApiModule],
  entities: [IdempotencyRecord],
  migrations: [CreateIdempotencyRecords1733100000000],
  consumesEvents: false,
  principalResolver: OidcAccessTokenVerifier,
  configureApp: configureGatewayApp,
};
