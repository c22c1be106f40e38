import { ServiceConfig, ServiceDefinition } from '@sinergi/platform';
import { CreateVenuesAndReservations1732700000300 } from './migrations/1732700000300-create-venues-and-reservations';
import { Reservation } from './reservations/reservation.entity';
import { ReservationsModule } from './reservations/reservations.module';
import { RoomUnavailability } from './unavailability/room-unavailability.entity';
import { UnavailabilityModule } from './unavailability/unavailability.module';
import { UtilisationModule } from './utilisation/utilisation.module';
import { Room } from './venues/room.entity';
import { Venue } from './venues/venue.entity';
import { VenuesModule } from './venues/venues.module';

export const venueCapacityService: ServiceDefinition<ServiceConfig> = {
  name: 'venue-capacity',
  configClass: ServiceConfig,
  modules: [VenuesModule, ReservationsModule, UnavailabilityModule, UtilisationModule],
  entities: [Venue, Room, Reservation, RoomUnavailability],
  migrations: [CreateVenuesAndReservations1732700000300],
  consumesEvents: true,
  // A bulk plan lands as hundreds of classes at once, spread over the batches topic's six partitions.
  partitionsConsumedConcurrently: 6,
};
