import { defineEvent, PayloadOf } from '../event-definition';
import { s, SchemaValue } from '../schema';
import { TOPICS } from '../topics';

export const VENUE_KINDS = ['BLK', 'BBPVP', 'BPVP'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

export const roomSchema = s.object({ roomCode: s.code(), name: s.string(200), seats: s.integer(1, 500) });
export type Room = SchemaValue<typeof roomSchema>;

/** The full current state of a venue, as venue-capacity holds it. */
export const venueStateSchema = s.object({
  venueCode: s.code(),
  name: s.string(200),
  kind: s.oneOf(VENUE_KINDS),
  provinceCode: s.provinceCode(),
  city: s.string(200),
  rooms: s.array(roomSchema),
  closedDays: s.setOf(s.date()),
  /** Invented for demos and tests, not a real training centre. */
  sample: s.boolean(),
});
export type VenueState = SchemaValue<typeof venueStateSchema>;

const topic = TOPICS.venues.name;

export const venueRegisteredEvent = defineEvent('VenueRegistered', topic, 'A training centre joined the catalogue (full state).', venueStateSchema);
export const venueUpdatedEvent = defineEvent('VenueUpdated', topic, 'A training centre changed: rooms, capacity or calendar (full state).', venueStateSchema);
export const roomUnavailableEvent = defineEvent(
  'RoomUnavailable',
  topic,
  'A venue operator took a room out of use for a period (e.g. renovation); reservations in it are withdrawn.',
  s.object({ venueCode: s.code(), roomCode: s.code(), from: s.date(), to: s.date(), reason: s.string(500) }),
);
export type RoomUnavailable = PayloadOf<typeof roomUnavailableEvent>;
