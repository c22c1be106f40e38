import { ServiceDefinition } from '@sinergi/platform';
import { OidcAccessTokenVerifier } from './access-tokens/oidc-access-token-verifier';
import { GatewayConfig } from './gateway.config';
import { SchemasModule } from './schemas/schemas.module';

export const gatewayService: ServiceDefinition<GatewayConfig> = {
  name: 'gateway',
  configClass: GatewayConfig,
  modules: [SchemasModule],
  entities: [],
  migrations: [],
  consumesEvents: false,
  principalResolver: OidcAccessTokenVerifier,
};
