import { Module } from '@nestjs/common';
import { ServiceClientsModule } from '../clients/service-clients.module';
import { IdempotencyStore } from '../idempotency/idempotency.store';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { FORWARDING_CONTROLLERS } from './forwarding-controllers';
import { Forwarder } from './forwarder';
import { MeController } from './me.controller';

/** The public API under /api/v1: every service's operations, forwarded as the caller, and participant self-service. */
@Module({
  imports: [RateLimitsModule, ServiceClientsModule],
  controllers: [...FORWARDING_CONTROLLERS, MeController],
  providers: [IdempotencyStore, Forwarder],
})
export class ApiModule {}
