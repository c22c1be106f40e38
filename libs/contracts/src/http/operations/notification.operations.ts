import type { DeliveryView, FindDeliveriesParams, RecipientPreferences, RecipientView, RegisterContactRequest, SetPreferencesRequest } from '../notification';
import type { Page } from '../page';
import { serviceRoutes, ServiceRoutes } from './http-operation';

/** notification's operations: what each takes and answers. */
export interface NotificationOperations {
  'deliveries.list': { query: FindDeliveriesParams; answer: Page<DeliveryView> };
  'deliveries.get': { answer: DeliveryView };
  'recipients.set-venue-operator': { body: RegisterContactRequest; answer: RecipientView };
  'recipients.set-admin': { body: RegisterContactRequest; answer: RecipientView };
  'recipients.set-preferences': { body: SetPreferencesRequest; answer: RecipientView };
  'recipients.get': { answer: RecipientView };
  'recipients.get-preferences': { answer: RecipientPreferences };
}

export const NOTIFICATION_ROUTES = serviceRoutes('notification', {
  'deliveries.list': ['GET', '/deliveries'],
  'deliveries.get': ['GET', '/deliveries/:id'],
  'recipients.set-venue-operator': ['PUT', '/recipients/venue-operators/:venueCode'],
  'recipients.set-admin': ['PUT', '/recipients/admins/:id'],
  'recipients.set-preferences': ['PUT', '/recipients/:kind/:id/preferences'],
  'recipients.get': ['GET', '/recipients/:kind/:id'],
  'recipients.get-preferences': ['GET', '/recipients/:kind/:id/preferences'],
} satisfies ServiceRoutes<NotificationOperations>);
