import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { venueRegisteredEvent, VenuePage, VenueState, venueUpdatedEvent } from '@sinergi/contracts';
import { Outbox } from '@sinergi/messaging';
import { Conflict, InvalidInput, isUniqueViolation, keysetPage, NotFound } from '@sinergi/platform';
import { ReservationsService } from '../reservations/reservations.service';
import { Room } from './room.entity';
import { FindVenuesQuery, RegisterVenueDto, VenueDetailsDto } from './venue.dto';
import { Venue } from './venue.entity';
import { normalised, repeatedRoomCodes, reservationMisfit, sameState } from './venue.rules';

export type VenueChange = 'registered' | 'updated' | 'unchanged';

/** The venue catalogue; every change publishes the venue's full state in the same transaction. */
@Injectable()
export class VenuesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly reservations: ReservationsService,
  ) {}

  async register(dto: RegisterVenueDto): Promise<VenueState> {
    const state = normalised({ ...dto });
    try {
      await this.dataSource.transaction(async (manager) => {
        if (await manager.existsBy(Venue, { venueCode: state.venueCode })) throw duplicate(state.venueCode);
        await this.apply(manager, state);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate(state.venueCode);
      throw error;
    }
    return state;
  }

  async replace(venueCode: string, dto: VenueDetailsDto): Promise<VenueState> {
    const state = normalised({ ...dto, venueCode });
    await this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Venue, { venueCode }))) throw notFound(venueCode);
      await this.apply(manager, state);
    });
    return state;
  }

  /**
   * Registers or updates a venue in the caller's transaction. Active reservations the new state
   * no longer allows (room removed or too small, day now closed) are withdrawn. Refuses repeated room codes.
   */
  async apply(manager: EntityManager, state: VenueState): Promise<VenueChange> {
    const repeated = repeatedRoomCodes(state.rooms);
    if (repeated.length > 0) {
      throw new InvalidInput(repeated.map((roomCode) => ({ field: 'rooms', rule: 'unique-room-codes', message: `must not repeat roomCode ${roomCode}` })));
    }
    const current = await lockVenue(manager, state.venueCode);
    if (current && sameState(current, state)) return 'unchanged';
    const { rooms, ...venue } = state;
    if (current) {
      await manager.update(Venue, { venueCode: venue.venueCode }, venue);
      await manager.delete(Room, { venueCode: venue.venueCode, roomCode: Not(In(rooms.map((room) => room.roomCode))) });
    } else {
      await manager.insert(Venue, venue);
    }
    await manager.upsert(Room, rooms.map((room) => ({ ...room, venueCode: venue.venueCode })), ['venueCode', 'roomCode']);
    if (current) {
      for (const reservation of await this.reservations.activeIn(manager, venue.venueCode)) {
        const misfit = reservationMisfit(state, reservation);
        if (misfit) await this.reservations.withdraw(manager, reservation, `${venue.venueCode}: ${misfit}`);
      }
    }
    const event = current ? venueUpdatedEvent : venueRegisteredEvent;
    await this.outbox.append(manager, event.with(venue.venueCode, state));
    return current ? 'updated' : 'registered';
  }

  async get(venueCode: string): Promise<VenueState> {
    const [state] = await statesOf(this.dataSource.manager, await this.dataSource.manager.findBy(Venue, { venueCode }));
    if (!state) throw notFound(venueCode);
    return state;
  }

  /** Ordered by venueCode. */
  async list(query: FindVenuesQuery): Promise<VenuePage> {
    const venues = this.dataSource.getRepository(Venue).createQueryBuilder('venue');
    if (query.provinceCode) venues.where('venue.provinceCode = :provinceCode', { provinceCode: query.provinceCode });
    const page = await keysetPage(venues, query, { columns: ['venue.venueCode'], keyOf: (venue) => [venue.venueCode] }, (venue) => venue);
    const states = await statesOf(this.dataSource.manager, page.items);
    return { ...page, items: states };
  }
}

/** The venue's current state, its row locked until the transaction ends; null when unknown. */
async function lockVenue(manager: EntityManager, venueCode: string): Promise<VenueState | null> {
  const venue = await manager.findOne(Venue, { where: { venueCode }, lock: { mode: 'pessimistic_write' } });
  if (!venue) return null;
  return toState(venue, await manager.find(Room, { where: { venueCode }, order: { roomCode: 'ASC' } }));
}

async function statesOf(manager: EntityManager, venues: Venue[]): Promise<VenueState[]> {
  const rooms = venues.length === 0 ? [] : await manager.find(Room, { where: { venueCode: In(venues.map((venue) => venue.venueCode)) }, order: { roomCode: 'ASC' } });
  return venues.map((venue) => toState(venue, rooms.filter((room) => room.venueCode === venue.venueCode)));
}

function toState(venue: Venue, rooms: Room[]): VenueState {
  return normalised({
    venueCode: venue.venueCode,
    name: venue.name,
    kind: venue.kind,
    provinceCode: venue.provinceCode,
    city: venue.city,
    rooms,
    closedDays: venue.closedDays,
    sample: venue.sample,
  });
}

function duplicate(venueCode: string): Conflict {
  return new Conflict({ field: 'venueCode', rule: 'unique', message: `a venue coded ${venueCode} already exists` });
}

export function notFound(venueCode: string): NotFound {
  return new NotFound({ field: 'venueCode', rule: 'exists', message: `no venue coded ${venueCode}` });
}
