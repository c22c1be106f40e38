import type { VenueState } from '../../events/venues';
import type {
  FindReservationsParams,
  FindVenuesParams,
  RecordUnavailabilityRequest,
  RegisterVenueRequest,
  ReplaceVenueRequest,
  ReservationPage,
  UnavailabilityRecordedView,
  UtilisationParams,
  UtilisationView,
  VenuePage,
} from '../venue-capacity';
import { serviceRoutes, ServiceRoutes } from './http-operation';

/** venue-capacity's operations: what each takes and answers. */
export interface VenueCapacityOperations {
  'venues.register': { body: RegisterVenueRequest; answer: VenueState };
  'venues.update': { body: ReplaceVenueRequest; answer: VenueState };
  'venues.list': { query: FindVenuesParams; answer: VenuePage };
  'venues.get': { answer: VenueState };
  'rooms.close': { body: RecordUnavailabilityRequest; answer: UnavailabilityRecordedView };
  'reservations.list': { query: FindReservationsParams; answer: ReservationPage };
  'utilisation.get': { query: UtilisationParams; answer: UtilisationView };
}

export const VENUE_CAPACITY_ROUTES = serviceRoutes('venue-capacity', {
  'venues.register': ['POST', '/venues'],
  'venues.update': ['PUT', '/venues/:venueCode'],
  'venues.list': ['GET', '/venues'],
  'venues.get': ['GET', '/venues/:venueCode'],
  'rooms.close': ['POST', '/venues/:venueCode/rooms/:roomCode/unavailability'],
  'reservations.list': ['GET', '/reservations'],
  'utilisation.get': ['GET', '/utilisation'],
} satisfies ServiceRoutes<VenueCapacityOperations>);
