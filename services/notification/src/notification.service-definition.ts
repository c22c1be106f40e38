import { ServiceDefinition } from '@sinergi/platform';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { Delivery } from './deliveries/delivery.entity';
import { DigestModule } from './digest/digest.module';
import { MessagesModule } from './messages/messages.module';
import { CreateDeliveries1732700000200 } from './migrations/1732700000200-create-deliveries';
import { AddSendingRecipientsClasses1732700000400 } from './migrations/1732700000400-add-sending-recipients-classes';
import { DeliveryEventIdsAsText1732700000500 } from './migrations/1732700000500-delivery-event-ids-as-text';
import { DeliveryEventTimeAndHolds1732700000600 } from './migrations/1732700000600-delivery-event-time-and-holds';
import { DeliveriesByClass1732700000700 } from './migrations/1732700000700-deliveries-by-class';
import { DeliveriesNotifyWhenDue1732700000800 } from './migrations/1732700000800-deliveries-notify-when-due';
import { DeliveriesAwaitingContact1732700000900 } from './migrations/1732700000900-deliveries-awaiting-contact';
import { NotificationConfig } from './notification.config';
import { RecipientsModule } from './recipients/recipients.module';
import { SignInCodesModule } from './sign-in-codes/sign-in-codes.module';

export const notificationService: ServiceDefinition<NotificationConfig> = {
  name: 'notification',
  configClass: NotificationConfig,
  modules: [RecipientsModule, DeliveriesModule, MessagesModule, DigestModule, SignInCodesModule],
  entities: [Delivery],
  migrations: [CreateDeliveries1732700000200, AddSendingRecipientsClasses1732700000400, DeliveryEventIdsAsText1732700000500, DeliveryEventTimeAndHolds1732700000600, DeliveriesByClass1732700000700, DeliveriesNotifyWhenDue1732700000800, DeliveriesAwaitingContact1732700000900],
  consumesEvents: true,
};
