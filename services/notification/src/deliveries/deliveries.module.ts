import { DynamicModule, Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { DigestTimer } from '../digest/digest.timer';
import { ClassMessagesConsumer } from '../messages/class-messages.consumer';
import { EnrollmentMessagesConsumer } from '../messages/enrollment-messages.consumer';
import { StaffMessagesConsumer } from '../messages/staff-messages.consumer';
import { NotificationConfig } from '../notification.config';
import { ContactCardsConsumer } from '../recipients/contact-cards.consumer';
import { RecipientDirectory } from '../recipients/recipient-directory.service';
import { RecipientsController } from '../recipients/recipients.controller';
import { DeliveriesController } from './deliveries.controller';
import { DeliveryDispatcher } from './delivery-dispatcher.timer';
import { DeliveryPlanner } from './delivery-planner.service';

/** Events in, deliveries planned, sent over the channels, and their status out. */
@Module({})
export class DeliveriesModule {
  static forRoot(config: NotificationConfig): DynamicModule {
    return {
      module: DeliveriesModule,
      imports: [ChannelsModule.forRoot(config)],
      controllers: [DeliveriesController, RecipientsController, ContactCardsConsumer, EnrollmentMessagesConsumer, ClassMessagesConsumer, StaffMessagesConsumer],
      providers: [DeliveryPlanner, RecipientDirectory, DeliveryDispatcher, DigestTimer],
    };
  }
}
