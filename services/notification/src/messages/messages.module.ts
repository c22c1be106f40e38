import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { ClassMessagesConsumer } from './class-messages.consumer';
import { EnrollmentMessagesConsumer } from './enrollment-messages.consumer';
import { StaffMessagesConsumer } from './staff-messages.consumer';

/** What each event means to whom: the deliveries and reminders it owes, and notification's own view of classes and places. */
@Module({ imports: [DeliveriesModule], controllers: [EnrollmentMessagesConsumer, ClassMessagesConsumer, StaffMessagesConsumer] })
export class MessagesModule {}
