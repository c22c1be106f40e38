import { ServiceConfig, ServiceDefinition } from '@sinergi/platform';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { Delivery } from './deliveries/delivery.entity';
import { CreateDeliveries1732700000200 } from './migrations/1732700000200-create-deliveries';

export const notificationService: ServiceDefinition = {
  name: 'notification',
  configClass: ServiceConfig,
  modules: () => [DeliveriesModule],
  entities: [Delivery],
  migrations: [CreateDeliveries1732700000200],
  consumesEvents: true,
};
