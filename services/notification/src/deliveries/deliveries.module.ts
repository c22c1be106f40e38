import { Module } from '@nestjs/common';
import { AgreementSignedConsumer } from './agreement-signed.consumer';
import { DeliveriesController } from './deliveries.controller';

@Module({ controllers: [DeliveriesController, AgreementSignedConsumer] })
export class DeliveriesModule {}
