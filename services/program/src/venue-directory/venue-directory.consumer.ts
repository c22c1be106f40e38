import { Controller } from '@nestjs/common';
import { venueRegisteredEvent, VenueState, venueUpdatedEvent } from '@sinergi/contracts';
import { InboxContext, OnEvent } from '@sinergi/messaging';
import { DirectoryVenue } from './directory-venue.entity';

/** Both events carry the venue's full state, in order per venue, so each one simply replaces the copy. */
@Controller()
export class VenueDirectoryConsumer {
  @OnEvent(venueRegisteredEvent)
  onVenueRegistered(venue: VenueState, context: InboxContext): Promise<void> {
    return upsert(venue, context);
  }

  @OnEvent(venueUpdatedEvent)
  onVenueUpdated(venue: VenueState, context: InboxContext): Promise<void> {
    return upsert(venue, context);
  }
}

async function upsert(venue: VenueState, context: InboxContext): Promise<void> {
  await context.manager.upsert(
    DirectoryVenue,
    {
      venueCode: venue.venueCode,
      name: venue.name,
      kind: venue.kind,
      provinceCode: venue.provinceCode,
      city: venue.city,
      rooms: venue.rooms,
      closedDays: venue.closedDays,
      sample: venue.sample,
    },
    ['venueCode'],
  );
}
