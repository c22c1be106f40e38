import { Module } from '@nestjs/common';
import { SERVICE_CLIENTS, ServiceClients } from './service-clients';

/** The typed clients of the services (ServiceClients), for the public API and the gateway's own callers alike. */
@Module({
  providers: [...SERVICE_CLIENTS, ServiceClients],
  exports: [ServiceClients],
})
export class ServiceClientsModule {}
