import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { RecipientsModule } from '../recipients/recipients.module';
import { DeliveriesController } from './deliveries.controller';
import { DeliveryDispatcher } from './delivery-dispatcher.timer';
import { DeliveryPlanner } from './delivery-planner.service';
import { SignInCodeOpener } from '../sign-in-codes/sign-in-code-opener.service';

/** Deliveries recorded (the planner), sent over the channels when due (the dispatcher), their status over HTTP and as events. */
@Module({
  imports: [RecipientsModule, ChannelsModule],
  controllers: [DeliveriesController],
  providers: [DeliveryPlanner, DeliveryDispatcher, SignInCodeOpener],
  exports: [DeliveryPlanner],
})
export class DeliveriesModule {}
