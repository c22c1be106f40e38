import { ServiceDefinition } from '@sinergi/platform';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { Delivery } from './deliveries/delivery.entity';
import { DigestModule } from './digest/digest.module';
import { MessagesModule } from './messages/messages.module';
import { CreateDeliveries1732700000200 } from './migrations/1732700000200-create-deliveries';
import { AddSendingRecipientsClasses1732700000400 } from './migrations/1732700000400-add-sending-recipients-classes';
import { NotificationConfig } from './notification.config';
import { RecipientsModule } from './recipients/recipients.module';

export const notificationService: ServiceDefinition<NotificationConfig> = {
  name: 'notification',
  configClass: NotificationConfig,
  modules: [RecipientsModule, DeliveriesModule, MessagesModule, DigestModule],
  entities: [Delivery],
  migrations: [CreateDeliveries1732700000200, AddSendingRecipientsClasses1732700000400],
  consumesEvents: true,
};
