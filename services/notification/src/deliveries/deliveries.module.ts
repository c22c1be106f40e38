import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { DigestTimer } from '../digest/digest-timer';
import { ClassMessagesConsumer } from '../messages/class-messages.consumer';
import { EnrollmentMessagesConsumer } from '../messages/enrollment-messages.consumer';
import { StaffMessagesConsumer } from '../messages/staff-messages.consumer';
import { ContactCardsConsumer } from '../recipients/contact-cards.consumer';
import { RecipientDirectory } from '../recipients/recipient-directory';
import { RecipientsController } from '../recipients/recipients.controller';
import { DeliveriesController } from './deliveries.controller';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { DeliveryPlanner } from './delivery-planner';

/** Events in, deliveries planned, sent over the channels, and their status out. */
@Module({
  imports: [ChannelsModule],
  controllers: [DeliveriesController, RecipientsController, ContactCardsConsumer, EnrollmentMessagesConsumer, ClassMessagesConsumer, StaffMessagesConsumer],
  providers: [DeliveryPlanner, RecipientDirectory, DeliveryDispatcher, DigestTimer],
})
export class DeliveriesModule {}
