import { buildCatalog, EventCatalog } from './event-definition';
import * as agreements from './events/agreements';
import * as programmes from './events/programmes';
import * as batches from './events/batches';
import * as enrollments from './events/enrollments';
import * as contacts from './events/contacts';
import * as venues from './events/venues';
import * as venueReservations from './events/venue-reservations';
import * as instructorAssignments from './events/instructor-assignments';
import * as instructorCatalogue from './events/instructor-catalogue';
import * as integration from './events/integration';
import * as selection from './events/selection';
import * as nominations from './events/nominations';
import * as notificationDeliveries from './events/notification-deliveries';
import * as participantOutcomes from './events/participant-outcomes';
import * as signInCodes from './events/sign-in-codes';

/** Every event type the platform publishes or receives: a new event type is added here, once. */
export const EVENT_CATALOG: EventCatalog = buildCatalog([
  agreements.agreementSignedEvent,
  agreements.agreementAmendedEvent,
  agreements.agreementEndedEvent,
  programmes.programmeLaunchedEvent,
  programmes.programmeAmendedEvent,
  batches.batchPlannedEvent,
  batches.batchConfirmedEvent,
  batches.batchPlanningFailedEvent,
  batches.batchRescheduledEvent,
  batches.batchCancelledEvent,
  batches.batchStartedEvent,
  batches.batchCompletedEvent,
  batches.batchClosedEvent,
  enrollments.enrollmentSubmittedEvent,
  enrollments.enrollmentRejectedEvent,
  enrollments.participantSelectedEvent,
  enrollments.participantReservedEvent,
  enrollments.seatConfirmedEvent,
  enrollments.batchFillChangedEvent,
  enrollments.participantNotSelectedEvent,
  enrollments.seatExpiredEvent,
  enrollments.reservePromotedEvent,
  enrollments.enrollmentWithdrawnEvent,
  contacts.participantContactChangedEvent,
  contacts.instructorContactChangedEvent,
  venues.venueRegisteredEvent,
  venues.venueUpdatedEvent,
  venues.roomUnavailableEvent,
  venueReservations.venueReservedEvent,
  venueReservations.venueReservationRejectedEvent,
  venueReservations.venueReservationReleasedEvent,
  venueReservations.venueReservationWithdrawnEvent,
  instructorAssignments.instructorAssignedEvent,
  instructorAssignments.instructorAssignmentRejectedEvent,
  instructorAssignments.instructorAssignmentReleasedEvent,
  instructorAssignments.instructorWithdrawnEvent,
  instructorCatalogue.trainingModulePublishedEvent,
  instructorCatalogue.instructorRegisteredEvent,
  instructorCatalogue.instructorUpdatedEvent,
  integration.venueUpsertedEvent,
  integration.venueRecordAcceptedEvent,
  integration.venueRecordRejectedEvent,
  integration.trainingModuleUpsertedEvent,
  integration.instructorUpsertedEvent,
  integration.rosterRecordAcceptedEvent,
  integration.rosterRecordRejectedEvent,
  selection.enrollmentAcceptedEvent,
  selection.selectionDrawnEvent,
  nominations.nominationBatchSubmittedEvent,
  nominations.nominationRecordAcceptedEvent,
  nominations.nominationRecordRejectedEvent,
  notificationDeliveries.notificationDeliveredEvent,
  notificationDeliveries.notificationFailedEvent,
  participantOutcomes.classChangeOfferedEvent,
  participantOutcomes.participantMovedEvent,
  participantOutcomes.participantReleasedEvent,
  participantOutcomes.attendanceRecordedEvent,
  participantOutcomes.participantCompletedEvent,
  participantOutcomes.certificateIssuedEvent,
  participantOutcomes.participationLetterIssuedEvent,
  signInCodes.signInCodeRequestedEvent,
]);
