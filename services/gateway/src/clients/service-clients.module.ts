import { Module } from '@nestjs/common';
import type { JWK } from 'jose';
import { GatewayConfig } from '../gateway.config';
import { InternalTokens } from './internal-tokens';
import { SERVICE_CLIENTS, ServiceClients } from './service-clients';

/** The typed clients of the services (ServiceClients), for the public API and the gateway's own callers alike. */
@Module({
  providers: [
    { provide: InternalTokens, inject: [GatewayConfig], useFactory: (config: GatewayConfig) => new InternalTokens(JSON.parse(config.INTERNAL_TOKEN_SIGNING_KEY) as JWK) },
    ...SERVICE_CLIENTS,
    ServiceClients,
  ],
  exports: [ServiceClients],
})
export class ServiceClientsModule {}
