import { Module } from '@nestjs/common';
import { ServiceClientsModule } from '../clients/service-clients.module';
import { ConsumerLagReader } from './consumer-lag';
import { OperationsController } from './operations.controller';
import { OperationsService } from './operations.service';

/** The Operations page's API (/api/v1/operations). */
@Module({ imports: [ServiceClientsModule], controllers: [OperationsController], providers: [ConsumerLagReader, OperationsService] })
export class OperationsModule {}
