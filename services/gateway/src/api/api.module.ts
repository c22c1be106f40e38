import { Module } from '@nestjs/common';
import { SERVICE_CLIENTS, ServiceClients } from '../clients/service-clients';
import { IdempotencyStore } from '../idempotency/idempotency.store';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { FORWARDING_CONTROLLERS } from './forwarding-controllers';
import { Forwarder } from './forwarder';
import { MeController } from './me.controller';

/** The public API under /api/v1: every service's operations, forwarded as the caller, and participant self-service. */
@Module({
  imports: [RateLimitsModule],
  controllers: [...FORWARDING_CONTROLLERS, MeController],
  providers: [...SERVICE_CLIENTS, ServiceClients, IdempotencyStore, Forwarder],
  exports: [...SERVICE_CLIENTS, ServiceClients],
})
export class ApiModule {}
