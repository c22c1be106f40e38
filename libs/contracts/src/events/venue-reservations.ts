import { defineEvent, PayloadOf } from '../event-definition';
import { s } from '../schema';
import { TOPICS } from '../topics';

export const RESERVATION_REJECTION_RULES = ['venue-unknown', 'no-room-large-enough', 'no-room-free', 'closed-day'] as const;

const topic = TOPICS.venueReservations.name;
const ended = s.object({ batchId: s.uuid(), reservationId: s.uuid(), venueCode: s.code(), roomCode: s.code(), reason: s.string(500) });

export const venueReservedEvent = defineEvent(
  'VenueReserved',
  topic,
  'A room was reserved for every day of a class.',
  s.object({
    batchId: s.uuid(),
    reservationId: s.uuid(),
    venueCode: s.code(),
    roomCode: s.code(),
    startDate: s.date(),
    endDate: s.date(),
    seats: s.integer(1, 500),
  }),
);
export type VenueReserved = PayloadOf<typeof venueReservedEvent>;

export const venueReservationRejectedEvent = defineEvent(
  'VenueReservationRejected',
  topic,
  'No room of the venue could take the class; the rule says why.',
  s.object({ batchId: s.uuid(), venueCode: s.code(), rule: s.oneOf(RESERVATION_REJECTION_RULES), reason: s.string(500) }),
);
export type VenueReservationRejected = PayloadOf<typeof venueReservationRejectedEvent>;

export const venueReservationReleasedEvent = defineEvent(
  'VenueReservationReleased',
  topic,
  'A reservation was released (compensation or cancellation); the room is free again at once.',
  ended,
);

export const venueReservationWithdrawnEvent = defineEvent(
  'VenueReservationWithdrawn',
  topic,
  'The venue withdrew a reservation (its room became unavailable); the saga must react.',
  ended,
);
/** Released on the saga's request (compensation, cancellation); withdrawn on the venue's own initiative. */
export type VenueReservationEnded = PayloadOf<typeof venueReservationReleasedEvent>;
