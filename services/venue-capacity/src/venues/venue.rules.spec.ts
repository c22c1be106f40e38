import type { VenueState } from '@sinergi/contracts';
import { repeatedRoomCodes, reservationMisfit, sameState } from './venue.rules';

const state: VenueState = {
  venueCode: 'BBPVP-SERANG',
  name: 'BBPVP Serang',
  kind: 'BBPVP',
  provinceCode: '36',
  city: 'Serang',
  rooms: [
    { roomCode: 'R2', name: 'Kelas B', seats: 20 },
    { roomCode: 'R1', name: 'Kelas A', seats: 24 },
  ],
  closedDays: ['2025-05-29', '2025-05-12'],
  sample: false,
};
const held = { roomCode: 'R1', startDate: '2025-05-05', endDate: '2025-05-09', seats: 18 };

describe('venue rules', () => {
  it('sees the same rooms and closed days in another order as the same state', () => {
    const reordered = { ...state, rooms: [...state.rooms].reverse(), closedDays: [...state.closedDays].reverse() };
    expect(sameState(state, reordered)).toBe(true);
    expect(sameState(state, { ...state, city: 'Cilegon' })).toBe(false);
  });

  it('finds repeated room codes', () => {
    expect(repeatedRoomCodes([{ roomCode: 'A' }, { roomCode: 'B' }, { roomCode: 'A' }])).toEqual(['A']);
    expect(repeatedRoomCodes(state.rooms)).toEqual([]);
  });

  it('keeps a reservation that still fits', () => {
    expect(reservationMisfit(state, held)).toBeNull();
  });

  it('says why a reservation no longer fits', () => {
    expect(reservationMisfit({ ...state, rooms: [state.rooms[0]] }, held)).toBe('room R1 was removed from the venue');
    expect(reservationMisfit({ ...state, rooms: [{ roomCode: 'R1', name: 'Kelas A', seats: 12 }] }, held)).toBe('room R1 now seats 12; the class needs 18');
    expect(reservationMisfit({ ...state, closedDays: ['2025-05-08'] }, held)).toBe('the venue is now closed on 2025-05-08');
  });
});
