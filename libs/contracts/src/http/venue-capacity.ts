import type { Room, RoomUnavailable, VenueState } from '../events/venues';
import type { Page, PageParams } from './page';

/**
 * venue-capacity's HTTP API (port 3003): training centres and their rooms, reservations, room unavailability and
 * utilisation. A venue is answered as `VenueState`, the full state its events carry. Times are ISO 8601 strings.
 */

/** PUT /venues/:venueCode: the full state of a venue (it replaces what was there); its code is in the path. */
export interface ReplaceVenueRequest extends Omit<VenueState, 'venueCode' | 'rooms' | 'closedDays' | 'sample'> {
  rooms: Room[];
  /** Default none. */
  closedDays?: string[];
  /** Default false. */
  sample?: boolean;
}

/** POST /venues */
export interface RegisterVenueRequest extends ReplaceVenueRequest {
  venueCode: string;
}

/** GET /venues: ordered by venueCode. */
export interface FindVenuesParams extends PageParams {
  provinceCode?: string;
}

export type ReservationStatus = 'active' | 'released' | 'withdrawn';

/** GET /reservations: one batch's or one venue's, ordered by startDate, id. */
export interface FindReservationsParams extends PageParams {
  batchId?: string;
  venueCode?: string;
}

/** A room held for every day of one class. */
export interface ReservationView {
  id: string;
  batchId: string;
  venueCode: string;
  roomCode: string;
  startDate: string;
  endDate: string;
  seats: number;
  status: ReservationStatus;
  endedReason: string | null;
  createdAt: string;
  endedAt: string | null;
}

/** POST /venues/:venueCode/rooms/:roomCode/unavailability: both days included. */
export type RecordUnavailabilityRequest = Omit<RoomUnavailable, 'venueCode' | 'roomCode'>;

export interface UnavailabilityRecordedView extends RoomUnavailable {
  id: string;
  createdAt: string;
  /** Reservations of the room in the period, withdrawn because of it. */
  withdrawnReservationIds: string[];
}

/** GET /utilisation: days from `from` to `to`, both included, of one venue, one province or all. */
export interface UtilisationParams {
  from: string;
  to: string;
  venueCode?: string;
  provinceCode?: string;
}

export interface RoomDayUsage {
  reservedRoomDays: number;
  availableRoomDays: number;
  /** reserved / available, to 4 decimals; null when nothing was available. */
  ratio: number | null;
}

/** Reserved vs available room-days per venue, per province and per day. */
export interface UtilisationView {
  from: string;
  to: string;
  total: RoomDayUsage;
  venues: Array<{ venueCode: string; provinceCode: string } & RoomDayUsage>;
  provinces: Array<{ provinceCode: string } & RoomDayUsage>;
  days: Array<{ date: string } & RoomDayUsage>;
}

/** What GET /venues answers. */
export type VenuePage = Page<VenueState>;

/** What GET /reservations answers. */
export type ReservationPage = Page<ReservationView>;
