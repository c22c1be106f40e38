import { buildCatalog, EventCatalog } from './catalog';
import * as agreements from './events/agreements';
import * as batches from './events/batches';
import * as contacts from './events/contacts';
import * as enrollments from './events/enrollments';
import * as instructorAssignments from './events/instructor-assignments';
import * as instructorCatalogue from './events/instructor-catalogue';
import * as integration from './events/integration';
import * as nominations from './events/nominations';
import * as participantOutcomes from './events/participant-outcomes';
import * as notificationDeliveries from './events/notification-deliveries';
import * as programmes from './events/programmes';
import * as selection from './events/selection';
import * as venueReservations from './events/venue-reservations';
import * as venues from './events/venues';

function definitionsIn(module: object) {
  return Object.entries(module)
    .filter(([name]) => name.endsWith('Event'))
    .map(([, definition]) => definition);
}

/** Every event type the platform publishes or receives. */
export const EVENT_CATALOG: EventCatalog = buildCatalog(
  [agreements, programmes, batches, enrollments, contacts, venues, venueReservations, instructorAssignments, instructorCatalogue, integration, selection, nominations, notificationDeliveries, participantOutcomes].flatMap(definitionsIn),
);
